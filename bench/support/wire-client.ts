// The benchmark client (client-behaviour.ts: the same requests in the same order as RealClient)
// speaking the engine.io v4 / socket.io v4 text protocol itself over one `ws` WebSocket, so that a
// process can drive hundreds of receivers without being what the benchmark measures. What
// socket.io-client spends per packet and this does not: an emitter chain per packet, a decoder
// object, a timer per request with a timeout, the packet objects. Here every frame costs at most
// one JSON.parse (events other than message:new are recognised by their prefix and not parsed at
// all), an ack is a Map lookup, and one sweep timer per client checks every deadline.
//
// Frames (node_modules/engine.io-parser, socket.io-parser; default namespace, no binary):
//   server → client: `0{sid,pingInterval,pingTimeout,…}` open · `2` ping · `1` close ·
//     `40{"sid":…}` connected · `44{"message":…}` connect error · `41` disconnected by the server ·
//     `42["event",payload]` event · `43<id>[answer]` ack
//   client → server: `3` pong · `40{"token":…}` connect with auth · `42<id>["event",body]` request
//     with ack id · `41` disconnect
//
//   const client = new WireClient({ url, session, focused: true, onMessage });  // as RealClient
import WebSocket from 'ws';
import type { Message } from '../../common/protocol';
import { type ClientTransport, type Deliver, type RealClientOptions, SimulatedClient } from './client-behaviour';

export type { ClientCounters, RealClientOptions, Via } from './client-behaviour';

/** socket.io-client's Manager gives up on a connection after 20 s ("timeout"). */
const CONNECT_TIMEOUT_MS = 20_000;
/** How often a client checks its deadlines; an ack timeout may fire up to this much late. */
const SWEEP_MS = 250;
const MESSAGE_NEW = '42["message:new",';
/** Our requests go out as Buffers (see emitWithAck) but are text frames, as socket.io expects. */
const TEXT = { binary: false } as const;

interface Pending {
  resolve(answer: unknown): void;
  reject(error: Error): void;
  deadline: number;
  /** The frame while it waits for a connection (socket.io-client buffers emits the same way). */
  frame: Buffer | null;
}

interface Opening {
  resolve(): void;
  reject(error: Error): void;
  deadline: number;
}

/** The socket.io endpoint of a server: websocket transport straight away, as `transports: ['websocket']`. */
export function socketEndpoint(serverUrl: string): string {
  const url = new URL('/socket.io/', serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '?EIO=4&transport=websocket';
  return url.toString();
}

/** `43<id>[…]` → the id and where the JSON starts; undefined for a frame that is not an ack. */
export function ackId(frame: string): { id: number; jsonAt: number } | undefined {
  let at = 2;
  while (at < frame.length && frame.charCodeAt(at) >= 48 && frame.charCodeAt(at) <= 57) at += 1;
  return at === 2 ? undefined : { id: Number(frame.slice(2, at)), jsonAt: at };
}

class WireTransport implements ClientTransport {
  private ws: WebSocket | null = null;
  private connected = false;
  private opening: Opening | null = null;
  private nextId = 0;
  /** In send order; every request of a client has the same timeout, so also in deadline order. */
  private readonly pending = new Map<number, Pending>();
  private buffered: number[] = [];
  private sweeper: NodeJS.Timeout | null = null;
  private lastPingAt = 0;
  private pingWindowMs = Infinity;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly deliver: Deliver,
  ) {}

  connect(): Promise<void> {
    if (this.ws !== null) this.disconnect();
    return new Promise<void>((resolve, reject) => {
      // No compression (the server offers none either); JSON.parse would refuse a broken frame
      // anyway, so ws need not check the UTF-8 of every frame first.
      const ws = new WebSocket(socketEndpoint(this.url), { perMessageDeflate: false, skipUTF8Validation: true });
      this.ws = ws;
      this.opening = { resolve, reject, deadline: performance.now() + CONNECT_TIMEOUT_MS };
      this.startSweeper();
      ws.on('message', (data, isBinary) => {
        if (!isBinary && Buffer.isBuffer(data)) this.frame(ws, data.toString('utf8'));
      });
      ws.on('error', () => this.closed(ws, 'websocket error'));
      ws.on('close', () => this.closed(ws, 'transport close'));
    });
  }

  disconnect(): void {
    const ws = this.ws;
    if (ws === null) return;
    if (this.connected) ws.send('41');
    this.closed(ws, 'io client disconnect');
    ws.close();
  }

  emitWithAck(event: string, body: unknown, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      // A Buffer, not a string: ws then masks it into one buffer with the header and writes it
      // once, where a string costs a conversion plus a corked two-part write.
      const frame = Buffer.from(`42${id}${JSON.stringify([event, body])}`);
      const entry: Pending = { resolve, reject, deadline: performance.now() + timeoutMs, frame: null };
      this.pending.set(id, entry);
      if (this.connected) this.ws!.send(frame, TEXT);
      else {
        entry.frame = frame;
        this.buffered.push(id);
      }
      this.startSweeper();
    });
  }

  private frame(ws: WebSocket, text: string): void {
    if (ws !== this.ws) return;
    switch (text.charCodeAt(0)) {
      case 52: // '4' message: a socket.io packet
        return this.packet(ws, text);
      case 50: // '2' ping → '3' pong
        this.lastPingAt = performance.now();
        ws.send('3');
        return;
      case 48: {
        // '0' open: the handshake; connect the default namespace with the token as auth
        const open = JSON.parse(text.slice(1)) as { pingInterval: number; pingTimeout: number };
        this.pingWindowMs = open.pingInterval + open.pingTimeout;
        this.lastPingAt = performance.now();
        ws.send(`40${JSON.stringify({ token: this.token })}`);
        return;
      }
      case 49: // '1' close
        this.closed(ws, 'transport close');
        ws.close();
        return;
      default: // '6' noop; '5' upgrade does not occur on a websocket-only connection
        return;
    }
  }

  private packet(ws: WebSocket, text: string): void {
    switch (text.charCodeAt(1)) {
      case 50: // '2' event
        if (text.startsWith(MESSAGE_NEW)) this.deliver((JSON.parse(text.slice(2)) as [string, { message: Message }])[1].message);
        return;
      case 51: {
        // '3' ack: an answer nobody waits for any more (timed out) is not even parsed
        const at = ackId(text);
        const entry = at === undefined ? undefined : this.pending.get(at.id);
        if (at === undefined || entry === undefined) return;
        this.pending.delete(at.id);
        entry.resolve((JSON.parse(text.slice(at.jsonAt)) as unknown[])[0]);
        return;
      }
      case 48: // '0' connected: send what waited, then resolve (socket.io-client: emitBuffered, then 'connect')
        this.connected = true;
        for (const id of this.buffered) {
          const entry = this.pending.get(id);
          if (entry?.frame == null) continue;
          ws.send(entry.frame, TEXT);
          entry.frame = null;
        }
        this.buffered = [];
        this.opening?.resolve();
        this.opening = null;
        return;
      case 52: {
        // '4' connect error: socket.io-client rejects with `new Error(data.message)` and closes
        const data = JSON.parse(text.slice(2)) as { message?: string } | string;
        this.closed(ws, typeof data === 'string' ? data : (data.message ?? 'connect error'));
        ws.close();
        return;
      }
      case 49: // '1' the server disconnected this socket
        this.closed(ws, 'io server disconnect');
        ws.close();
        return;
      default:
        return;
    }
  }

  /** The socket `ws` is gone (or going): fail the opening and the requests already sent. */
  private closed(ws: WebSocket, reason: string): void {
    if (ws !== this.ws) return;
    this.ws = null;
    this.connected = false;
    this.opening?.reject(new Error(reason));
    this.opening = null;
    // As socket.io-client's _clearAcks: what was sent can never be answered now; what is still
    // buffered waits for the next connect (or its deadline).
    for (const [id, entry] of this.pending) {
      if (entry.frame !== null) continue;
      this.pending.delete(id);
      entry.reject(new Error('socket has been disconnected'));
    }
  }

  private startSweeper(): void {
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
  }

  private sweep(): void {
    const now = performance.now();
    const ws = this.ws;
    if (ws !== null && this.opening !== null && now > this.opening.deadline) {
      this.closed(ws, 'timeout');
      ws.terminate();
    } else if (ws !== null && this.connected && now - this.lastPingAt > this.pingWindowMs) {
      // engine.io-client's "ping timeout": the server has stopped pinging, the link is dead.
      this.closed(ws, 'ping timeout');
      ws.terminate();
    }
    for (const [id, entry] of this.pending) {
      if (entry.deadline > now) break;
      this.pending.delete(id);
      entry.reject(new Error('operation has timed out'));
    }
    if (this.ws === null && this.pending.size === 0 && this.sweeper !== null) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }
}

export class WireClient extends SimulatedClient {
  constructor(options: RealClientOptions) {
    super(options, (deliver) => new WireTransport(options.url, options.session.token, deliver));
  }
}
