// What a benchmark client does, whatever carries its packets: the behaviour of pchat's own client
// (renderer/store/socket-bridge.ts and read-markers.ts), written once so that the socket.io-client
// build (real-client.ts) and the wire-level build (wire-client.ts) send the same requests in the
// same order and count failures and duplicates the same way:
//   - signs in over HTTP (done by the caller: POST /api/session), connects the socket with the token;
//   - on every connect asks `rooms:list`, then (re)joins the room it has open;
//   - while "focused", answers every arriving message of the open room with `room:read`
//     (one marker per arrival: the worst case the server must stay cheap for, since older or
//     hostile clients will keep doing it whatever the current client coalesces);
//   - may follow rooms (`room:follow`), which makes the server push `room:activity` to it;
//   - after a disconnect, reconnects, rejoins and fills the gap with `messages:since` from the
//     last seq it saw, page by page, as the real client's catch-up does.
import type { Ack, ClientEventName, ClientEventResults, ClientRequest, Message, SessionResponse } from '../../common/protocol';
import { sleep } from './clock';

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

/** What carries the packets: socket.io-client, or the wire-level client. */
export interface ClientTransport {
  /** Opens the socket; rejects with the server's connect_error message (e.g. "unauthorized"). */
  connect(): Promise<void>;
  /** Closes the socket; requests already sent fail, as socket.io-client's do. */
  disconnect(): void;
  /** One event with an ack; rejects when no ack comes within `timeoutMs` or the socket drops. */
  emitWithAck(event: string, body: unknown, timeoutMs: number): Promise<unknown>;
}

/** Hands each `message:new` to the client; a transport calls it once per push. */
export type Deliver = (message: Message) => void;

const CATCH_UP_PAGES = 20; // the real client's bound too: 20 × 500 messages

interface SeenRoom {
  seqs: Set<number>;
  /** The highest seq in `seqs`, kept so lastSeq() is O(1) on the arrival path. */
  last: number;
}

const NOTHING_SEEN: ReadonlySet<number> = new Set();

export class SimulatedClient {
  readonly counters: ClientCounters = { failures: {}, duplicates: 0, caughtUp: 0, reconnects: 0 };
  protected readonly transport: ClientTransport;
  private openRoomId: string | null = null;
  /** Bumped when we drop the connection ourselves: requests cut off by that are not failures. */
  private connection = 0;
  private readonly seen = new Map<string, SeenRoom>();
  private readonly focused: boolean;
  private readonly ackTimeoutMs: number;

  constructor(
    private readonly options: RealClientOptions,
    transport: (deliver: Deliver) => ClientTransport,
  ) {
    this.focused = options.focused ?? true;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.transport = transport((message) => this.arrived(message));
  }

  get user() {
    return this.options.session.user;
  }

  /** Seqs of `roomId` this client has seen (live or caught up). */
  seenSeqs(roomId: string): ReadonlySet<number> {
    return this.seen.get(roomId)?.seqs ?? NOTHING_SEEN;
  }

  lastSeq(roomId: string): number {
    return this.seen.get(roomId)?.last ?? 0;
  }

  /** Sends one request and returns its ack; a timeout or refusal is counted, then thrown. */
  async request<E extends ClientEventName>(event: E, body: ClientRequest<E>): Promise<{ ok: true } & ClientEventResults[E]> {
    let answer: Ack<ClientEventResults[E]>;
    const connection = this.connection;
    try {
      answer = (await this.transport.emitWithAck(event, body, this.ackTimeoutMs)) as Ack<ClientEventResults[E]>;
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
    await this.transport.connect();
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
    this.transport.disconnect();
    await sleep(offlineMs);
    this.counters.reconnects += 1;
    await this.connect();
    if (this.openRoomId !== null) await this.join(this.openRoomId, true);
  }

  close(): void {
    this.transport.disconnect();
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
    let room = this.seen.get(message.roomId);
    if (room === undefined) this.seen.set(message.roomId, (room = { seqs: new Set(), last: 0 }));
    if (room.seqs.has(message.seq)) return false;
    room.seqs.add(message.seq);
    if (message.seq > room.last) room.last = message.seq;
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
