// Real socket.io clients with typed acks and small waiting helpers.
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientEventName,
  ClientEventResults,
  ClientToServerEvents,
  EffectiveConfig,
  ServerToClientEvents,
  User,
} from '../../../common/protocol';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SessionPayload = { user: User; config: EffectiveConfig; serverVersion: string };

const open: ClientSocket[] = [];

/** Connects and resolves once `session` arrived (the first event of every connection). */
export async function connect(url: string, token: string | undefined): Promise<{ socket: ClientSocket; session: SessionPayload }> {
  const socket: ClientSocket = io(url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  open.push(socket);
  const session = await new Promise<SessionPayload>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no session event')), 5000);
    socket.once('session', (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return { socket, session };
}

/** The connect_error message for a connection attempt that must fail. */
export async function connectError(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket: ClientSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => resolve(error.message));
    socket.once('session', () => reject(new Error('connected although it should not')));
  });
}

export function closeAllSockets(): void {
  for (const socket of open.splice(0)) socket.disconnect();
}

export async function request<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Ack<ClientEventResults[E]>> {
  // The typed emit needs the concrete event; the generic one goes through an untyped view.
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };
  return (await raw.timeout(5000).emitWithAck(event, payload)) as Ack<ClientEventResults[E]>;
}

/** Like request() but fails the test unless the ack is ok. */
export async function ok<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<ClientEventResults[E]> {
  const answer = await request(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} failed: ${answer.error.code} ${answer.error.message}`);
  return answer;
}

/** Records every payload of one server→client event. */
export function record<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => seen.push(payload);
  (socket as unknown as { on(event: string, listener: (payload: never) => void): void }).on(event, listener);
  return seen;
}

export async function waitFor(condition: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Gives in-flight events a moment to arrive, to assert that something did NOT happen. */
export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));
