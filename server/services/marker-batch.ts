// Read markers in memory, written in batches (DESIGN §4b): a read is answered at once from what is
// known, and every `flushEveryMs` the markers that moved are written in one statement. A marker
// only moves forward, in memory as in the store, so a batch can never move one back. Markers are
// not messages: a crash loses at most the last batch of read positions, never a message.
import type { Storage } from '../storage/repositories';

/**
 * One user's marker in one room as memory knows it. The same object stands in `pending` while its
 * seq waits to be written, and says itself whether the store is behind it: a read per arrival then
 * costs no key to build and nothing to allocate. (Each batch used to rebuild a map per user of the
 * seqs not yet written; living half a second, those maps outlived a young-generation collection
 * and were copied by it, a read's garbage that cost the pauses every connection waits on.)
 */
interface Known {
  readonly userId: string;
  readonly roomId: string;
  seq: number;
  /** The seq the store is known to hold (read from it, or written since); 0 when not known. */
  stored: number;
  /** In `pending`, waiting for the next batch. */
  queued: boolean;
  touchedAt: number;
  /**
   * Moved by the user's own `room:read` since its last write (their other devices hear of it), not
   * only by sending: by this one connection, or by several (null). Undefined: by no read.
   */
  readBy: string | null | undefined;
}

/** A marker as one batch writes it: its seq when the batch was taken. */
interface Written {
  known: Known;
  seq: number;
  readBy: string | null | undefined;
}

/** A marker a read moved, once written: who stands where, and which connection read (null: several). */
export interface Advanced {
  userId: string;
  roomId: string;
  seq: number;
  readBy: string | null;
}

/** What a marker's readers come to when `reader` reads too. */
const joinReaders = (readBy: string | null | undefined, reader: string | null | undefined): string | null | undefined =>
  readBy === undefined || readBy === reader ? reader : reader === undefined ? readBy : null;

/** Markers nobody touched for this long are forgotten (read again from the store when needed). */
const FORGET_AFTER_MS = 10 * 60_000;

const NOBODY: ReadonlySet<string> = new Set();
const NONE: ReadonlyMap<string, number> = new Map();

const keyOf = (userId: string, roomId: string) => `${userId}\u0000${roomId}`;

export class MarkerBatch {
  /** By user, then room: rooms:list reads one user's markers for every room at once. */
  private readonly known = new Map<string, Map<string, Known>>();
  /** The same markers by room, those above 0 only: who reads a room, without a scan of every user. */
  private readonly readersByRoom = new Map<string, Set<string>>();
  private readonly loading = new Map<string, Promise<number>>();
  /** Markers whose seq is not written yet, each once (its `queued` says so). */
  private pending: Known[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly storage: Storage,
    private readonly flushEveryMs: number,
    private readonly onAdvanced: (advanced: Advanced[]) => void,
    private readonly onError: (error: unknown) => void,
    /** Whether the room still exists: a marker of a deleted room can never be written. */
    private readonly roomExists: (roomId: string) => boolean,
    /**
     * The user became one of the room's readers: their marker left 0 here, or the store's was not
     * read first (a sender's own message), so it may have been 0. Other servers hear of it.
     */
    private readonly onNewReader: (roomId: string, userId: string) => void = () => undefined,
  ) {}

  /**
   * Moves the user's marker forward to `seq` (never back), read on `connection`, and gives where
   * it stands: at once when memory knows the marker (every read after the first), else once the
   * store has said.
   */
  advance(userId: string, roomId: string, seq: number, connection: string): number | Promise<number> {
    const known = this.knownOf(userId, roomId);
    if (known) return this.move(known, seq, connection);
    return this.load(userId, roomId).then((current) => this.raise(userId, roomId, Math.max(current, seq), connection, current));
  }

  /**
   * The sender's own message: `seq` is the room's newest, so it is at least where the stored marker
   * stands and nothing needs reading first.
   */
  advanceKnownAtLeast(userId: string, roomId: string, seq: number): number {
    return this.raise(userId, roomId, Math.max(this.knownOf(userId, roomId)?.seq ?? 0, seq), undefined, 0);
  }

  /**
   * The user's markers the store may not hold yet (pending, or in a write not yet done), by room,
   * each at or past the stored one. Only these can differ from what a query reads, so rooms:list
   * asks memory about a handful of rooms instead of every one the user touched lately.
   */
  unwrittenFor(userId: string): ReadonlyMap<string, number> {
    const rooms = this.known.get(userId);
    if (!rooms) return NONE;
    let unwritten: Map<string, number> | undefined;
    for (const known of rooms.values()) if (known.seq > known.stored) (unwritten ??= new Map<string, number>()).set(known.roomId, known.seq);
    return unwritten ?? NONE;
  }

  /** Every marker memory holds for the user, by room (never behind the stored ones; a copy, for tests). */
  knownFor(userId: string): ReadonlyMap<string, number> {
    const rooms = this.known.get(userId);
    const seqs = new Map<string, number>();
    if (rooms) for (const [roomId, known] of rooms) seqs.set(roomId, known.seq);
    return seqs;
  }

  /** Users memory has a marker above 0 for in the room (some may not be written yet). */
  readersOf(roomId: string): ReadonlySet<string> {
    return this.readersByRoom.get(roomId) ?? NOBODY;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flushing;
    await this.flush();
  }

  private knownOf(userId: string, roomId: string): Known | undefined {
    return this.known.get(userId)?.get(roomId);
  }

  /**
   * Moves a marker memory holds forward to `seq` (a focused reader's every read after the first
   * comes here, the marker found once). `reader`: the connection whose read this is (undefined for
   * the sender's own message).
   */
  private move(known: Known, seq: number, reader: string | undefined): number {
    known.touchedAt = Date.now();
    if (known.seq >= seq) return known.seq;
    // A user already above 0 is already among the room's readers.
    if (known.seq === 0) this.addReader(known.roomId, known.userId, true);
    known.seq = seq;
    known.readBy = joinReaders(known.readBy, reader);
    this.markUnwritten(known);
    return seq;
  }

  /** Moves the user's marker to `seq`, starting one in memory if there is none yet (`stored`: the store's, 0 if not known). */
  private raise(userId: string, roomId: string, seq: number, reader: string | undefined, stored: number): number {
    const known = this.knownOf(userId, roomId);
    if (known) return this.move(known, seq, reader);
    let rooms = this.known.get(userId);
    if (!rooms) this.known.set(userId, (rooms = new Map<string, Known>()));
    const started: Known = { userId, roomId, seq, stored, queued: false, touchedAt: Date.now(), readBy: joinReaders(undefined, reader) };
    rooms.set(roomId, started);
    if (seq > 0) this.addReader(roomId, userId, stored === 0);
    this.markUnwritten(started);
    return seq;
  }

  /** `first`: the store may not count them as a reader yet. */
  private addReader(roomId: string, userId: string, first: boolean): void {
    let readers = this.readersByRoom.get(roomId);
    if (!readers) this.readersByRoom.set(roomId, (readers = new Set()));
    readers.add(userId);
    if (first) this.onNewReader(roomId, userId);
  }

  /** The marker's new seq waits for the next batch. */
  private markUnwritten(known: Known): void {
    if (!known.queued) {
      known.queued = true;
      this.pending.push(known);
    }
    this.schedule();
  }

  private load(userId: string, roomId: string): Promise<number> {
    const key = keyOf(userId, roomId);
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.storage.readMarkers.marker(userId, roomId).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  private schedule(): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }, this.flushEveryMs);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    // A room deleted meanwhile takes its markers with it (in the store by cascade, here by hand);
    // kept, they would fail the whole batch on its foreign key, again at every retry.
    const batch: Written[] = [];
    const taken = this.pending;
    this.pending = [];
    for (const known of taken) {
      known.queued = false;
      // Forgotten since it was queued (its room went): nothing to write.
      if (this.knownOf(known.userId, known.roomId) !== known) continue;
      if (!this.roomExists(known.roomId)) {
        this.forget(known.userId, known.roomId);
        continue;
      }
      batch.push({ known, seq: known.seq, readBy: known.readBy });
      known.readBy = undefined;
    }
    if (batch.length === 0) return this.forgetIdle();
    try {
      await this.storage.readMarkers.markReadMany(batch.map(({ known, seq }) => ({ userId: known.userId, roomId: known.roomId, seq })));
    } catch (error) {
      this.onError(error);
      // Back for the next batch, which writes each at its newest seq (a marker only moves forward).
      for (const { known, readBy } of batch) {
        known.readBy = joinReaders(known.readBy, readBy);
        if (this.knownOf(known.userId, known.roomId) === known) this.markUnwritten(known);
      }
      this.schedule();
      return;
    }
    const announced: Advanced[] = [];
    for (const { known, seq, readBy } of batch) {
      // The store holds `seq` now; if memory moved past it meanwhile, the newer seq waits its batch.
      if (seq > known.stored) known.stored = seq;
      if (readBy !== undefined) announced.push({ userId: known.userId, roomId: known.roomId, seq, readBy });
    }
    this.onAdvanced(announced);
    this.forgetIdle();
  }

  /** Drops what memory holds of one marker. */
  private forget(userId: string, roomId: string): void {
    const rooms = this.known.get(userId);
    rooms?.delete(roomId);
    if (rooms?.size === 0) this.known.delete(userId);
    const readers = this.readersByRoom.get(roomId);
    readers?.delete(userId);
    if (readers?.size === 0) this.readersByRoom.delete(roomId);
  }

  private forgetIdle(): void {
    const before = Date.now() - FORGET_AFTER_MS;
    for (const [userId, rooms] of this.known) {
      for (const [roomId, known] of rooms) {
        if (known.touchedAt < before && !known.queued && known.seq <= known.stored) this.forget(userId, roomId);
      }
    }
  }
}
