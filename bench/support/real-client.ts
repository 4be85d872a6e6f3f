// A benchmark client that behaves like pchat's own client (renderer/store/socket-bridge.ts and
// read-markers.ts), so server figures reflect the load real people make:
//   - signs in over HTTP (POST /api/session), connects the socket with the token;
//   - on every connect asks `rooms:list`, then (re)joins the room it has open;
//   - while "focused", answers every arriving message of the open room with `room:read`
//     (one marker per arrival: the worst case the server must stay cheap for, since older or
//     hostile clients will keep doing it whatever the current client coalesces);
//   - may follow rooms (`room:follow`), which makes the server push `room:activity` to it;
//   - after a disconnect, reconnects, rejoins and fills the gap with `messages:since` from the
//     last seq it saw, page by page, as the real client's catch-up does.
// Driven only through the wire protocol. Reusable by any benchmark:
//
//   const session = await signIn(url, credentials);
//   const client = new RealClient({ url, session, focused: true, onMessage: (m, via) => … });
//   await client.connect();          // + rooms:list
//   await client.open(roomId);       // room:join (+ room:read of the newest when focused)
//   await client.follow(roomId);
//   await client.send(roomId, text); // → the message:send ack
//   await client.reconnect(1000);    // offline 1 s, then connect, rooms:list, rejoin, catch up
//   client.close();
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientEventName,
  ClientEventResults,
  ClientRequest,
  ClientToServerEvents,
  Message,
  ServerToClientEvents,
  SessionResponse,
} from '../../common/protocol';
import { sleep } from './clock';

export type { Credentials } from './admin-api';
export { signIn } from './admin-api';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type UntypedEmitter = { emitWithAck(event: string, body: unknown): Promise<unknown> };
/** How a message reached the client: pushed, in the first join's history, or after a reconnect. */
export type Via = 'live' | 'history' | 'catch-up';

export interface RealClientOptions {
  url: string;
  session: SessionResponse;
  /** The window has the focus: arrivals in the open room are marked read one by one. */
  focused?: boolean;
  /** Every message of the open room seen for the first time, and how it came. */
  onMessage?: (message: Message, via: Via) => void;
  /** How long a request may wait for its ack (the real client gives up after 10 s too). */
  ackTimeoutMs?: number;
}

export interface ClientCounters {
  /** Requests refused or not acked in time, by event (room:read, messages:since, …); those cut
   * off by our own reconnect() are not counted. */
  failures: Record<string, number>;
  /** message:new for a seq this client had already seen. */
  duplicates: number;
  /** Messages recovered by a join reply or messages:since after a reconnect. */
  caughtUp: number;
  reconnects: number;
}

const CATCH_UP_PAGES = 20; // the real client's bound too: 20 × 500 messages

export class RealClient {
  readonly socket: ChatSocket;
  readonly counters: ClientCounters = { failures: {}, duplicates: 0, caughtUp: 0, reconnects: 0 };
  private openRoomId: string | null = null;
  /** Bumped when we drop the connection ourselves: requests cut off by that are not failures. */
  private connection = 0;
  private readonly seen = new Map<string, Set<number>>();
  private readonly focused: boolean;
  private readonly ackTimeoutMs: number;

  constructor(private readonly options: RealClientOptions) {
    this.focused = options.focused ?? true;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.socket = io(options.url, {
      auth: { token: options.session.token },
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      // Reconnects are the benchmark's to schedule (reconnect()), not socket.io's.
      reconnection: false,
    });
    this.socket.on('message:new', ({ message }) => this.arrived(message));
  }

  get user() {
    return this.options.session.user;
  }

  /** Seqs of `roomId` this client has seen (live or caught up). */
  seenSeqs(roomId: string): ReadonlySet<number> {
    return this.seen.get(roomId) ?? new Set();
  }

  lastSeq(roomId: string): number {
    let last = 0;
    for (const seq of this.seenSeqs(roomId)) last = Math.max(last, seq);
    return last;
  }

  /** Sends one request and returns its ack; a timeout or refusal is counted, then thrown. */
  async request<E extends ClientEventName>(event: E, body: ClientRequest<E>): Promise<{ ok: true } & ClientEventResults[E]> {
    let answer: Ack<ClientEventResults[E]>;
    const connection = this.connection;
    try {
      // socket.io's typed emitWithAck cannot follow a generic event name; the shapes are ours.
      const timed = this.socket.timeout(this.ackTimeoutMs) as unknown as UntypedEmitter;
      answer = (await timed.emitWithAck(event, body)) as Ack<ClientEventResults[E]>;
    } catch {
      if (connection === this.connection) this.fail(event);
      throw new Error(`${event}: no ack within ${this.ackTimeoutMs} ms`);
    }
    if (!answer.ok) {
      this.fail(event);
      throw new Error(`${event}: ${answer.error.code} ${answer.error.message}`);
    }
    return answer;
  }

  /** Opens the socket and, like the client on every connect, asks for the room list. */
  async connect(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => (this.socket.off('connect', onConnect), reject(error));
      const onConnect = () => (this.socket.off('connect_error', onError), resolve());
      this.socket.once('connect', onConnect);
      this.socket.once('connect_error', onError);
      this.socket.connect();
    });
    await this.request('rooms:list', {});
  }

  /** Opens a room as the client does: leaves the open one, joins, marks what it shows read. */
  async open(roomId: string): Promise<ClientEventResults['room:join']> {
    const previous = this.openRoomId;
    this.openRoomId = roomId;
    if (previous !== null && previous !== roomId) void this.request('room:leave', { roomId: previous }).catch(() => undefined);
    return this.join(roomId, false);
  }

  async follow(roomId: string, follow = true): Promise<void> {
    await this.request('room:follow', { roomId, follow });
  }

  send(roomId: string, text: string, clientId: string): Promise<{ ok: true } & ClientEventResults['message:send']> {
    return this.request('message:send', { roomId, clientId, text });
  }

  /**
   * Drops the connection, stays away `offlineMs`, then comes back as the client does after a
   * network cut: connect, rooms:list, rejoin the open room, and fetch the gap with
   * messages:since when the join reply does not reach back to the last seq seen.
   */
  async reconnect(offlineMs: number): Promise<void> {
    this.connection += 1;
    this.socket.disconnect();
    await sleep(offlineMs);
    this.counters.reconnects += 1;
    await this.connect();
    if (this.openRoomId !== null) await this.join(this.openRoomId, true);
  }

  close(): void {
    this.socket.disconnect();
  }

  private async join(roomId: string, rejoin: boolean): Promise<ClientEventResults['room:join']> {
    const lastSeen = this.lastSeq(roomId);
    const ack = await this.request('room:join', { roomId });
    for (const message of ack.messages) this.record(message, rejoin ? 'catch-up' : 'history');
    const first = ack.messages[0];
    if (rejoin && lastSeen > 0 && ack.room.chatHistory && first !== undefined && first.seq > lastSeen + 1) await this.catchUp(roomId, lastSeen);
    const newest = this.lastSeq(roomId);
    if (this.focused && newest > 0) this.markRead(roomId, newest);
    return ack;
  }

  private async catchUp(roomId: string, afterSeq: number): Promise<void> {
    let cursor = afterSeq;
    for (let page = 0; page < CATCH_UP_PAGES; page += 1) {
      const ack = await this.request('messages:since', { roomId, afterSeq: cursor });
      for (const message of ack.messages) this.record(message, 'catch-up');
      cursor = ack.messages.at(-1)?.seq ?? cursor;
      if (!ack.hasMore) return;
    }
  }

  private arrived(message: Message): void {
    if (!this.record(message, 'live')) {
      this.counters.duplicates += 1;
      return;
    }
    if (this.focused && message.roomId === this.openRoomId) this.markRead(message.roomId, message.seq);
  }

  /** Notes a message; false when it had been seen already. */
  private record(message: Message, via: Via): boolean {
    const seen = this.seen.get(message.roomId) ?? (this.seen.set(message.roomId, new Set()), this.seen.get(message.roomId)!);
    if (seen.has(message.seq)) return false;
    seen.add(message.seq);
    if (via === 'catch-up') this.counters.caughtUp += 1;
    this.options.onMessage?.(message, via);
    return true;
  }

  private markRead(roomId: string, seq: number): void {
    // Fire and forget, as the client does; a refusal or timeout is counted in failures.
    this.request('room:read', { roomId, seq }).catch(() => undefined);
  }

  private fail(event: string): void {
    this.counters.failures[event] = (this.counters.failures[event] ?? 0) + 1;
  }
}
