// Builds a ChatClient wired to a FakeSocket, a fake platform and a scripted fetch, already
// signed in and connected to one room list, for store and component tests.
import type { RoomDetail } from '../../common/protocol';
import { createFakePlatform, type FakePlatform } from '../platform/fake';
import { createChatStore, type ChatStore } from '../store/chat-store';
import type { Uploader } from '../store/file-upload';
import type { FetchFn } from '../store/http-api';
import { summaryOf } from '../store/rooms-slice';
import { ChatClient } from '../store/socket-bridge';
import { FakeSocket } from './fake-socket';
import { category, room as makeRoom, sessionPayload } from './fixtures';

export const SERVER = 'http://pchat.test';

export interface Harness {
  store: ChatStore;
  client: ChatClient;
  socket: FakeSocket;
  platform: FakePlatform;
  sockets: FakeSocket[];
  fetchCalls: { url: string; init: RequestInit | undefined }[];
}

export interface HarnessOptions {
  rooms?: RoomDetail[];
  token?: string | null;
  fetch?: FetchFn;
  upload?: Uploader;
  /** Whether the window has the focus (default: not focused, as in Node). */
  isFocused?: () => boolean;
}

/** Lets queued promise callbacks (fake acks, bridge continuations) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const rooms = options.rooms ?? [makeRoom()];
  const store = createChatStore();
  const token = options.token === undefined ? 'token-1' : options.token;
  const platform = createFakePlatform({ serverUrl: SERVER }, token ? { [SERVER]: token } : {});
  const sockets: FakeSocket[] = [];
  const fetchCalls: Harness['fetchCalls'] = [];
  let ids = 0;
  const fetchFn: FetchFn =
    options.fetch ??
    ((input, init) => {
      fetchCalls.push({ url: urlOf(input), init });
      return Promise.resolve(new Response(null, { status: 204 }));
    });
  const client = new ChatClient({
    store,
    platform,
    fetch: (input, init) => {
      if (options.fetch) fetchCalls.push({ url: urlOf(input), init });
      return fetchFn(input, init);
    },
    upload: options.upload,
    isFocused: options.isFocused,
    newClientId: () => `client-${++ids}`,
    connect: () => {
      const socket = new FakeSocket();
      socket.answer('rooms:list', () => ({ ok: true, rooms: rooms.map(summaryOf), categories: [category] }));
      socket.answer('room:leave', () => ({ ok: true }));
      sockets.push(socket);
      return socket;
    },
  });
  return {
    store,
    client,
    platform,
    sockets,
    fetchCalls,
    get socket() {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket opened yet');
      return socket;
    },
  };
}

/** Starts from a stored token and completes the connection handshake. */
export async function connectedHarness(options: HarnessOptions = {}): Promise<Harness> {
  const harness = createHarness(options);
  await harness.client.start();
  harness.socket.push('session', sessionPayload);
  harness.socket.connect();
  await settle();
  return harness;
}
