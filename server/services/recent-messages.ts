// The newest messages of the rooms opened lately, kept in memory for room:join (issue 8): a join
// asked the store for the same 31 rows every time, and on PostgreSQL the join's p99 was the
// store's own tail. A room's entry is filled by the first join that misses and then kept current
// by this server's domain events (new, edited and removed messages, a deleted room); anything it
// cannot follow exactly — a gap in the seqs, a removal — drops the entry, and the next join reads
// the store again.
//
// Only for a server that writes every message itself: with --redis, other servers store messages
// this one hears of only as socket broadcasts, so a clustered server does not keep one (see
// services/index.ts).
import type { Message } from '../domain';
import type { DomainEventBus } from './events';
import { messageBytes } from './page-bounds';

interface Entry {
  /** The room's newest messages, oldest first, at most `capacity`. */
  messages: Message[];
  capacity: number;
  /** Whether these are all the room's messages (it had fewer than `capacity` when read). */
  whole: boolean;
  bytes: number;
}

/** What the cache may hold in all; the least recently opened rooms go first. */
export const RECENT_MESSAGES_MAX_BYTES = 32 * 1024 * 1024;


/** Reads the store: the room's newest `limit` messages, oldest first. */
export type ReadNewest = (roomId: string, limit: number) => Promise<Message[]>;

export class RecentMessages {
  /** In the order the rooms were last opened (a Map keeps insertion order): the first is the oldest. */
  private readonly rooms = new Map<string, Entry>();
  /** Bumped for a room on every change, so a read that overlapped one is not kept. */
  private readonly changes = new Map<string, number>();
  private bytes = 0;

  constructor(
    events: DomainEventBus,
    private readonly read: ReadNewest,
    private readonly maxBytes = RECENT_MESSAGES_MAX_BYTES,
  ) {
    events.subscribe({
      'message:created': (message) => this.created(message),
      'message:updated': (message) => this.updated(message),
      'messages:removed': (roomId) => this.forget(roomId),
      'room:deleted': (roomId) => this.forget(roomId),
    });
  }

  /**
   * The room's newest `limit` messages, oldest first (fewer if it has fewer), as the repository's
   * `latest` answers: from memory when it holds them, otherwise from the store, which it then
   * keeps unless the room changed meanwhile.
   */
  async latest(roomId: string, limit: number): Promise<Message[]> {
    const entry = this.rooms.get(roomId);
    if (entry && (entry.messages.length >= limit || entry.whole)) {
      this.rooms.delete(roomId);
      this.rooms.set(roomId, entry);
      return entry.messages.slice(-limit);
    }
    const changesBefore = this.changes.get(roomId);
    const messages = await this.read(roomId, limit);
    if (this.changes.get(roomId) === changesBefore) {
      this.keep(roomId, { messages: [...messages], capacity: limit, whole: messages.length < limit, bytes: messages.reduce((sum, m) => sum + messageBytes(m), 0) });
    }
    return messages;
  }

  /**
   * Reads the newest `limit` of each room in turn until half the budget is used (the rest is for
   * the rooms people open), or until `stopped()`. After a restart every client reconnects and
   * rejoins its rooms within seconds; warmed, those joins read memory instead of the store.
   */
  async warm(roomIds: Iterable<string>, limit: number, stopped: () => boolean): Promise<void> {
    for (const roomId of roomIds) {
      if (stopped() || this.bytes >= this.maxBytes / 2) return;
      if (!this.rooms.has(roomId)) await this.latest(roomId, limit);
    }
  }

  /** How many rooms and bytes it holds (for tests and diagnostics). */
  get size(): { rooms: number; bytes: number } {
    return { rooms: this.rooms.size, bytes: this.bytes };
  }

  private created(message: Message): void {
    this.changed(message.roomId);
    const entry = this.rooms.get(message.roomId);
    if (!entry) return;
    const last = entry.messages.at(-1);
    // A resend's stored copy, or a message the read already held.
    if (last && message.seq <= last.seq) return;
    if (last ? message.seq !== last.seq + 1 : !entry.whole) return this.forget(message.roomId);
    entry.messages.push(message);
    this.resize(entry, messageBytes(message));
    if (entry.messages.length > entry.capacity) {
      this.resize(entry, -messageBytes(entry.messages.shift()!));
      entry.whole = false;
    }
    this.evict();
  }

  private updated(message: Message): void {
    this.changed(message.roomId);
    const entry = this.rooms.get(message.roomId);
    if (!entry) return;
    const index = entry.messages.findIndex((m) => m.seq === message.seq);
    // Older than what it holds: nothing to change. Newer: it missed something, so it lets go.
    if (index === -1) {
      if (message.seq > (entry.messages.at(-1)?.seq ?? 0)) this.forget(message.roomId);
      return;
    }
    this.resize(entry, messageBytes(message) - messageBytes(entry.messages[index]!));
    entry.messages[index] = message;
    this.evict();
  }

  private forget(roomId: string): void {
    this.changed(roomId);
    const entry = this.rooms.get(roomId);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.rooms.delete(roomId);
  }

  private changed(roomId: string): void {
    this.changes.set(roomId, (this.changes.get(roomId) ?? 0) + 1);
  }

  private keep(roomId: string, entry: Entry): void {
    this.forget(roomId);
    this.rooms.set(roomId, entry);
    this.bytes += entry.bytes;
    this.evict();
  }

  private resize(entry: Entry, by: number): void {
    entry.bytes += by;
    this.bytes += by;
  }

  private evict(): void {
    for (const [roomId] of this.rooms) {
      if (this.bytes <= this.maxBytes) return;
      this.forget(roomId);
    }
  }
}
