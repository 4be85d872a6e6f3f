// A chat client reduced to what matters for durability: an outbox that resends every
// unacknowledged message with the same clientId after reconnecting, and a view of the room built
// only from `message:new` and `messages:since` catch-up, keyed by seq. Any seq that arrives twice
// with different content is recorded as a conflict (a seq reused after a crash would show here).
import { io } from 'socket.io-client';
import type { Message } from '../../../common/protocol';
import type { ClientSocket } from './socket-client';

const ACK_TIMEOUT_MS = 2000;
const CONNECT_TIMEOUT_MS = 2000;

export interface OutboxClientOptions {
  name: string;
  token: string;
  url: string;
  roomId: string;
  /** How many messages this client sends in total. */
  total: number;
  /** Pause between two sends, under the §9.12 promise of 20 sends/s. */
  intervalMs: number;
  deadline: number;
}

export class OutboxClient {
  /** clientId → the stored message the server acknowledged. */
  readonly acked = new Map<string, Message>();
  /** The room as this client saw it, by seq. */
  readonly view = new Map<number, Message>();
  readonly conflicts: string[] = [];
  reconnects = 0;
  private readonly outbox: { clientId: string; text: string }[] = [];
  private created = 0;
  private socket: ClientSocket | undefined;

  constructor(private readonly options: OutboxClientOptions) {}

  get done(): boolean {
    return this.created === this.options.total && this.outbox.length === 0;
  }

  /** Sends everything, reconnecting as often as needed; resolves when all is acknowledged. */
  async run(): Promise<void> {
    while (!this.done) {
      if (Date.now() > this.options.deadline) throw new Error(`${this.options.name}: deadline passed with ${this.outbox.length} unacknowledged`);
      if (!this.socket?.connected) {
        if (!(await this.reconnect())) {
          await pause(100);
          continue;
        }
      }
      if (this.outbox.length === 0) {
        this.created += 1;
        this.outbox.push({ clientId: `${this.options.name}-${this.created}`, text: `${this.options.name} says ${this.created}` });
      }
      const next = this.outbox[0]!;
      const answer = await this.emit<{ ok: boolean; message?: Message }>('message:send', { roomId: this.options.roomId, ...next });
      if (answer?.ok === true && answer.message) {
        this.acked.set(next.clientId, answer.message);
        this.see(answer.message);
        this.outbox.shift();
        await pause(this.options.intervalMs);
      } else if (answer !== undefined && answer.ok !== true) {
        throw new Error(`${this.options.name}: send refused ${JSON.stringify(answer)}`);
      }
      // No answer: the server went away; the message stays first in the outbox.
    }
  }

  /** Connects, joins the room for live messages, then catches up from what it already has. */
  async reconnect(): Promise<boolean> {
    this.socket?.disconnect();
    const socket: ClientSocket = io(this.options.url, {
      auth: { token: this.options.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: CONNECT_TIMEOUT_MS,
    });
    socket.on('message:new', ({ message }) => this.see(message));
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), CONNECT_TIMEOUT_MS);
      socket.once('session', () => (clearTimeout(timer), resolve(true)));
      socket.once('connect_error', () => (clearTimeout(timer), resolve(false)));
    });
    if (!connected) {
      socket.disconnect();
      return false;
    }
    this.socket = socket;
    this.reconnects += 1;
    const joined = await this.emit<{ ok: boolean }>('room:join', { roomId: this.options.roomId });
    return joined?.ok === true && (await this.catchUp());
  }

  /** messages:since from the end of the gap-free prefix this client holds, page by page. */
  async catchUp(): Promise<boolean> {
    for (;;) {
      const answer = await this.emit<{ ok: boolean; messages: Message[]; hasMore: boolean }>('messages:since', {
        roomId: this.options.roomId,
        afterSeq: this.contiguousSeq(),
      });
      if (answer?.ok !== true) return false;
      for (const message of answer.messages) this.see(message);
      if (!answer.hasMore) return true;
    }
  }

  close(): void {
    this.socket?.disconnect();
  }

  private contiguousSeq(): number {
    let seq = 0;
    while (this.view.has(seq + 1)) seq += 1;
    return seq;
  }

  private see(message: Message): void {
    const known = this.view.get(message.seq);
    if (known && (known.id !== message.id || known.clientId !== message.clientId || known.text !== message.text)) {
      this.conflicts.push(`seq ${message.seq}: ${known.clientId} then ${message.clientId}`);
    }
    this.view.set(message.seq, message);
  }

  /** An ack, or undefined when the connection dropped or the server did not answer in time. */
  private async emit<T>(event: string, payload: unknown): Promise<T | undefined> {
    const socket = this.socket;
    if (!socket?.connected) return undefined;
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };
    // A killed server closes the TCP connection at once: stop waiting then, not at the timeout.
    let onDisconnect = () => undefined as void;
    const lost = new Promise<undefined>((resolve) => {
      onDisconnect = () => resolve(undefined);
      socket.once('disconnect', onDisconnect);
    });
    try {
      return (await Promise.race([raw.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload), lost])) as T | undefined;
    } catch {
      socket.disconnect();
      return undefined;
    } finally {
      socket.off('disconnect', onDisconnect);
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
