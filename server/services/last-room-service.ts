// The room each user last joined (a `room:join` answered ok), so that a device that remembers
// nothing — a new one, a cleared browser — opens it after sign-in (rooms:list `lastRoomId`).
//
// Off the hot path (DESIGN §4b): a join only sets a map entry. Every `flushEveryMs` the users whose
// last room moved are written, WRITE_CHUNK rows a statement, so a storm of joins writes each user
// at most once per interval, and close() writes what is left (services.close(), before the store
// closes). Chunks keep a statement under SQLite's 32,766 bound variables (a restart brings every
// user back at once: 20,000 rejoins in one interval) and let other work run between them.
// Losing the last interval in a crash costs a room choice, never a message.
import type { User } from '../domain';
import type { LastRoomRecord, LastRoomRepository } from '../storage/last-room-storage';
import { can } from './authorization';
import type { RoomDirectory } from './room-directory';

export interface LastRoomOptions {
  /** Several servers share the store: a join on another one may be newer than what memory holds. */
  clustered: boolean;
  /** Default 5 s. */
  flushEveryMs?: number;
}

interface Known {
  roomId: string;
  joinedAt: string;
}

const DEFAULT_FLUSH_MS = 5000;
/** Rows per statement: 3 variables each, far under the bound, about 3 ms of SQLite each. */
export const WRITE_CHUNK = 500;

export class LastRoomService {
  /** By user: the last join this server saw or read from the store (null: the store has none).
   * One small entry per user who signed in here, so it is bounded by the number of users. */
  private readonly known = new Map<string, Known | null>();
  private pending = new Map<string, LastRoomRecord>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly repository: LastRoomRepository,
    private readonly directory: RoomDirectory,
    private readonly options: LastRoomOptions,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The user joined the room (the join is answered ok): remembered now, written with the next batch. */
  joined(userId: string, roomId: string): void {
    const entry = { roomId, joinedAt: new Date().toISOString() };
    this.known.set(userId, entry);
    this.pending.set(userId, { userId, ...entry });
    this.schedule();
  }

  /** The user's last joined room if they may still find it (secret rooms stay secret), else null. */
  async lastRoomFor(user: User): Promise<string | null> {
    const roomId = (await this.lastJoined(user.id))?.roomId;
    if (roomId === undefined) return null;
    const context = this.directory.context(roomId);
    return context && can(user, 'find', context.room, context.category) ? roomId : null;
  }

  /** Writes what is pending; later joins are still held in memory but no longer written. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flushing;
    await this.flush();
  }

  private async lastJoined(userId: string): Promise<Known | null> {
    const inMemory = this.known.get(userId);
    // Alone on its store, this server saw every join: memory is the truth once it holds the user.
    if (inMemory !== undefined && !this.options.clustered) return inMemory;
    const stored = await this.repository.get(userId);
    const fromStore = stored && { roomId: stored.roomId, joinedAt: stored.joinedAt };
    // The newer of the two: memory may hold a join not yet written, the store one from elsewhere.
    const newest = inMemory && (!fromStore || inMemory.joinedAt >= fromStore.joinedAt) ? inMemory : fromStore;
    // A join that happened while the store was read stays (it is newer).
    if (!this.known.has(userId) || this.known.get(userId) === inMemory) this.known.set(userId, newest);
    return this.known.get(userId) ?? null;
  }

  private schedule(): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }, this.options.flushEveryMs ?? DEFAULT_FLUSH_MS);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    for (let start = 0; start < batch.length; start += WRITE_CHUNK) {
      // Between chunks, let the event loop serve sockets (better-sqlite3 writes on this thread).
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      const chunk = batch.slice(start, start + WRITE_CHUNK);
      try {
        await this.repository.putMany(chunk);
      } catch (error) {
        this.onError(error);
        // Back into the next batch, unless the user joined another room meanwhile.
        for (const record of chunk) if (!this.pending.has(record.userId)) this.pending.set(record.userId, record);
        this.schedule();
      }
    }
  }
}
