// Read markers and follows (docs/protocol.md "What pchat adds"): where each user stopped
// reading each room, which rooms they follow, and who hears about new messages in a room they
// have not joined: the room's readers (users who follow it or have read some of it), so the count
// of every room a user has opened stays live on every device, not only of the rooms they follow. Rooms whose category has chat history off get no unread count and no
// activity: opening them shows no past messages, so a count could never be cleared by reading.
//
// The hot path (DESIGN §4b): a focused client may send `room:read` for every arrival, so a read
// is answered from memory and the markers are written in batches (MarkerBatch). Each room's last
// seq and its readers are kept in memory too (who they are comes from the user directory), so a
// stored message costs no query here. With other servers on the store, each announces the seqs it
// stores and the readers it gains (cluster-sync.ts), so every server keeps both lists as well:
// a stored message then crosses without its readers' ids, and each server finds its own.
import type { ClientRequest } from '../../common/protocol';
import type { Message, RoomActivity, RoomSummary, User } from '../domain';
import { AppError } from '../errors';
import type { ReadMarker, Storage } from '../storage/repositories';
import { can } from './authorization';
import type { DomainEventBus } from './events';
import { type Advanced, MarkerBatch } from './marker-batch';
import { findRoom, readableRoom } from './room-access';
import type { RoomDirectory } from './room-directory';
import type { RoomContext } from './room-views';
import type { KnownUser } from './user-directory';

/** May this user see counts and activity for the room? */
function counts(user: Pick<User, 'id' | 'name' | 'roles'>, { room, category }: RoomContext): boolean {
  return category.chatHistory && can(user, 'readHistory', room, category);
}

/**
 * A reader list read from the store is trusted this long (a backstop: every read and follow passes
 * through here, or, on another server, is announced).
 */
const READERS_TTL_MS = 60_000;
/**
 * How long a reader another server announced is added to any list read from the store: their
 * first marker may wait there for its batch (500 ms) and its write. Far longer than that, so a
 * slow write does not drop them; by then a reread finds them stored.
 */
const ANNOUNCED_READER_MS = 60_000;

/** Who the users are: the in-memory user directory (attention's), kept current by the accounts. */
export interface KnownUsers {
  get(id: string): KnownUser | undefined;
}

/** A room's readers as last read from the store, with those who became readers since. */
interface CachedReaders {
  loadedAt: number;
  readers: Promise<Set<string>>;
  /** The same set once read: a reader joins it without a promise hop. */
  loaded?: Set<string>;
}

export interface ReadMarkerOptions {
  /** Several servers share the store: what this one caches of seqs may lag behind. */
  clustered: boolean;
  flushEveryMs?: number;
}

export class ReadMarkerService {
  private readonly lastSeqs = new Map<string, number>();
  /** With other servers: the store's last seq of a room, being read for the readers waiting on it. */
  private readonly lastSeqQueries = new Map<string, Promise<void>>();
  private readonly readerCache = new Map<string, CachedReaders>();
  /** With other servers: the readers they announced lately, by room, with when. */
  private readonly announcedReaders = new Map<string, Map<string, number>>();
  private announcedSweptAt = Date.now();
  private readonly batch: MarkerBatch;

  constructor(
    private readonly storage: Storage,
    private readonly directory: RoomDirectory,
    private readonly users: KnownUsers,
    private readonly events: DomainEventBus,
    private readonly options: ReadMarkerOptions,
    onError: (error: unknown) => void,
  ) {
    this.batch = new MarkerBatch(
      storage,
      options.flushEveryMs ?? 500,
      (advanced) => this.announceReads(advanced),
      onError,
      (roomId) => directory.context(roomId) !== undefined,
      options.clustered ? (roomId, userId) => events.emit('reader:added', roomId, userId) : undefined,
    );
  }

  async load(): Promise<void> {
    for (const [roomId, seq] of await this.storage.readMarkers.lastSeqs()) this.lastSeqs.set(roomId, seq);
  }

  /**
   * `connection`: the one that read (it is not told of its own read; the user's others are).
   * Where the marker stands: at once when memory knows the room's last seq and the marker (every
   * read after a user's first, alone on the store), else once the store said.
   */
  markRead(user: User, request: ClientRequest<'room:read'>, connection: string): number | Promise<number> {
    readableRoom(this.directory, user, request.roomId);
    // A marker past the last message would hide the next ones, so it stops at the last seq. A
    // focused client reads once per arrival, so each promise hop here is paid ten thousand times a
    // second in a busy room: none is taken when memory can answer.
    const found = this.lastSeqAtLeast(request.roomId, request.seq);
    if (typeof found !== 'number') return found.then((lastSeq) => this.advanceRead(user, request, lastSeq, connection));
    return this.advanceRead(user, request, found, connection);
  }

  private advanceRead(user: User, request: ClientRequest<'room:read'>, lastSeq: number, connection: string): number | Promise<number> {
    const advanced = this.batch.advance(user.id, request.roomId, Math.min(request.seq, lastSeq), connection);
    if (typeof advanced !== 'number') return advanced.then((standing) => this.readerStands(request.roomId, user.id, standing));
    return this.readerStands(request.roomId, user.id, advanced);
  }

  /** A marker above 0 makes the user one of the room's readers. */
  private readerStands(roomId: string, userId: string, standing: number): number {
    if (standing > 0) this.addReader(roomId, userId);
    return standing;
  }

  async follow(user: User, request: ClientRequest<'room:follow'>): Promise<void> {
    const context = findRoom(this.directory, user, request.roomId);
    // Unfollowing is always allowed, so a user who lost access can still tidy up.
    if (request.follow && !can(user, 'readHistory', context.room, context.category)) {
      throw new AppError('forbidden', 'you may not read this room');
    }
    await this.storage.readMarkers.setFollowed(user.id, request.roomId, request.follow);
    // An unfollow may or may not end the readership (a marker above 0 keeps it): ask the store.
    if (request.follow) this.addReader(request.roomId, user.id);
    else this.forgetReaders(request.roomId);
    this.events.emit('readers:changed', request.roomId);
  }

  /**
   * Another server stored message `seq` of the room (the cluster link says so, cluster-sync.ts).
   * Its readers here read it a moment later, one `room:read` each: knowing the seq, this server
   * answers them from memory instead of asking the store once per message. Only a stored seq is
   * ever announced, so a marker capped by it never passes the room's last message.
   */
  storedElsewhere(roomId: string, seq: number): void {
    if (seq > (this.lastSeqs.get(roomId) ?? 0)) this.lastSeqs.set(roomId, seq);
  }

  /** The room's readers changed (here or, through the cluster link, on another server). */
  forgetReaders(roomId: string): void {
    this.readerCache.delete(roomId);
  }

  /** Another server says the user became one of the room's readers (their marker may not be stored yet). */
  readerAddedElsewhere(roomId: string, userId: string): void {
    // Rooms whose list this server never rereads would keep their announcements for good.
    if (Date.now() - this.announcedSweptAt > ANNOUNCED_READER_MS) {
      this.announcedSweptAt = Date.now();
      for (const announcedIn of this.announcedReaders.keys()) this.dropOldAnnouncements(announcedIn);
    }
    let announced = this.announcedReaders.get(roomId);
    if (!announced) this.announcedReaders.set(roomId, (announced = new Map<string, number>()));
    announced.set(userId, Date.now());
    this.addReader(roomId, userId);
  }

  /**
   * The readers who hear of a new message in the room (`room:activity` on their sockets that have
   * not joined it): every reader who may read it now, the sender too. The same list for each
   * message while the readers stay the same, whoever sends, so each server can keep who of them
   * has a socket outside the room (unjoined-readers.ts).
   */
  async readersToTell(roomId: string, context = this.directory.context(roomId)): Promise<string[]> {
    if (!context || context.room.disabled || !context.category.chatHistory) return [];
    const readers: string[] = [];
    for (const readerId of await this.readers(roomId)) {
      const reader = this.users.get(readerId);
      if (reader && !reader.disabled && counts(reader, context)) readers.push(readerId);
    }
    return readers;
  }

  /**
   * Adds followed / lastSeq / lastReadSeq to the summaries of rooms:list, in place: the summaries
   * were just built for this answer, and a thousand rooms are not copied twice.
   */
  async annotate(user: User, summaries: RoomSummary[]): Promise<RoomSummary[]> {
    const [markers, lastSeqs] = await Promise.all([
      this.storage.readMarkers.listForUser(user.id),
      // Another server may have stored messages this one has not seen.
      this.options.clustered ? this.storage.readMarkers.lastSeqs() : this.lastSeqs,
    ]);
    const byRoom = new Map<string, ReadMarker>();
    for (const marker of markers) byRoom.set(marker.roomId, marker);
    // What is still waiting to be written counts as written (a handful of rooms at most).
    const unwritten = this.batch.unwrittenFor(user.id);
    for (const summary of summaries) {
      const marker = byRoom.get(summary.id);
      const context = this.directory.context(summary.id);
      summary.followed = marker?.followed ?? false;
      if (context && counts(user, context)) {
        summary.lastSeq = lastSeqs.get(summary.id) ?? 0;
        const stored = marker?.lastReadSeq ?? 0;
        summary.lastReadSeq = unwritten.size === 0 ? stored : Math.max(stored, unwritten.get(summary.id) ?? 0);
      }
    }
    return summaries;
  }

  /**
   * What a stored message implies for markers (STYLE §17, run in the send path): the sender has
   * read their own message, and the readers who may read the room hear `room:activity` on the
   * sockets that have not joined it (those got the message itself).
   */
  async stored(message: Message, context: RoomContext): Promise<void> {
    if (message.seq > (this.lastSeqs.get(message.roomId) ?? 0)) this.lastSeqs.set(message.roomId, message.seq);
    const lastReadBySender = this.batch.advanceKnownAtLeast(message.senderId, message.roomId, message.seq);
    // The sender has read the room now: a cached list learns it (a list read from now on finds it in the batch).
    this.addReader(message.roomId, message.senderId);
    const readers = await this.readersToTell(message.roomId, context);
    // The sender hears the push of their own marker instead (it says how far they have read).
    const senderReads = readers.includes(message.senderId);
    // Both pushes go out in the same turn: with other servers, they cross as one cluster message.
    const payload: RoomActivity = { roomId: message.roomId, lastSeq: message.seq };
    if (readers.length > (senderReads ? 1 : 0)) {
      this.events.emit('room:activity', readers, payload, { unjoined: true, exceptUser: message.senderId, readersOfRoom: true });
    }
    if (senderReads) this.events.emit('room:activity', [message.senderId], { ...payload, lastReadSeq: lastReadBySender }, { unjoined: true });
  }

  /**
   * Where memory puts the user's markers, by room, for the rooms where the store may still be
   * behind (every other marker is stored): a snapshot, which later reads do not move.
   */
  readsInMemory(userId: string): ReadonlyMap<string, number> {
    return this.batch.unwrittenFor(userId);
  }

  /** Writes what is pending (at shutdown, before the store closes). */
  close(): Promise<void> {
    return this.batch.close();
  }

  /** Markers moved by `room:read` reach the user's other devices (their counts drop there too). */
  private announceReads(advanced: Advanced[]): void {
    for (const { userId, roomId, seq, readBy } of advanced) {
      const context = this.directory.context(roomId);
      if (!context || !context.category.chatHistory) continue;
      const lastSeq = Math.max(this.lastSeqs.get(roomId) ?? 0, seq);
      // The connection whose reads these all were knows already (each read's ack said so).
      this.events.emit('room:activity', [userId], { roomId, lastSeq, lastReadSeq: seq }, readBy === null ? 'all' : { allBut: readBy });
    }
  }

  /** The room's last seq, at once when memory can tell it is at least `wanted`, else once the store said. */
  private lastSeqAtLeast(roomId: string, wanted: number): number | Promise<number> {
    // Alone, this server stores every message and so knows; with others, it knows what they
    // announced (storedElsewhere), and asks the store about a seq the announcement has not brought yet.
    const known = this.lastSeqs.get(roomId) ?? 0;
    if (wanted <= known || !this.options.clustered) return known;
    return this.lastSeqFromStore(roomId, wanted);
  }

  private async lastSeqFromStore(roomId: string, wanted: number): Promise<number> {
    // A room of focused readers on this server asks about the same new seq all at once (one
    // room:read each per arrival): they share one query. One that started before the seq was
    // stored may answer lower, so a reader it leaves short asks once more, in the next one.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await this.sharedLastSeqQuery(roomId);
      if (wanted <= (this.lastSeqs.get(roomId) ?? 0)) break;
    }
    return this.lastSeqs.get(roomId) ?? 0;
  }

  private sharedLastSeqQuery(roomId: string): Promise<void> {
    let query = this.lastSeqQueries.get(roomId);
    if (!query) {
      query = this.storage.readMarkers
        .lastSeq(roomId)
        .then((stored) => {
          if (stored > (this.lastSeqs.get(roomId) ?? 0)) this.lastSeqs.set(roomId, stored);
        })
        .finally(() => this.lastSeqQueries.delete(roomId));
      this.lastSeqQueries.set(roomId, query);
    }
    return query;
  }

  /** The user now reads the room: a cached reader list learns it at once (a loaded one is reread). */
  private addReader(roomId: string, userId: string): void {
    const cached = this.readerCache.get(roomId);
    if (!cached) return;
    if (cached.loaded) cached.loaded.add(userId);
    // (A list that failed to load is dropped by its own catch; nothing to add to then.)
    else void cached.readers.then((readers) => readers.add(userId), () => undefined);
  }

  private readers(roomId: string): Promise<Set<string>> {
    const cached = this.readerCache.get(roomId);
    if (cached && Date.now() - cached.loadedAt < READERS_TTL_MS) return cached.readers;
    // The store's readers, those whose first marker is still waiting in the batch here, and those
    // other servers announced whose marker may still wait in theirs.
    const readers = this.storage.readMarkers.readerIds(roomId).then((ids) => {
      const all = new Set([...ids, ...this.batch.readersOf(roomId)]);
      for (const userId of this.announcedLately(roomId)) all.add(userId);
      return all;
    });
    const loading: CachedReaders = { loadedAt: Date.now(), readers };
    this.readerCache.set(roomId, loading);
    void readers.then(
      (loaded) => {
        loading.loaded = loaded;
      },
      () => {
        // A failed read is not kept: the next message asks again.
        if (this.readerCache.get(roomId) === loading) this.readerCache.delete(roomId);
      },
    );
    return readers;
  }

  /** The readers other servers announced in the room lately. */
  private announcedLately(roomId: string): Iterable<string> {
    return this.dropOldAnnouncements(roomId)?.keys() ?? [];
  }

  /** Forgets the room's announcements older than ANNOUNCED_READER_MS; gives those left, if any. */
  private dropOldAnnouncements(roomId: string): Map<string, number> | undefined {
    const announced = this.announcedReaders.get(roomId);
    if (!announced) return undefined;
    const since = Date.now() - ANNOUNCED_READER_MS;
    for (const [userId, at] of announced) if (at < since) announced.delete(userId);
    if (announced.size > 0) return announced;
    this.announcedReaders.delete(roomId);
    return undefined;
  }
}
