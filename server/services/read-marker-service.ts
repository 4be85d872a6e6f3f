// Read markers and follows (docs/protocol.md "What pchat adds"): where each user stopped
// reading each room, which rooms they follow, and who hears about new messages in a room they
// have not joined. Rooms whose category has chat history off get no unread count and no
// activity: opening them shows no past messages, so a count could never be cleared by reading.
//
// The hot path (DESIGN §4b): a focused client may send `room:read` for every arrival, so a read
// is answered from memory and the markers are written in batches (MarkerBatch). Each room's last
// seq and its followers are kept in memory too, so a stored message costs no query here.
import type { ClientRequest } from '../../common/protocol';
import type { Message, RoomActivity, RoomSummary, User } from '../domain';
import { AppError } from '../errors';
import type { Follower, Storage } from '../storage/repositories';
import { can } from './authorization';
import type { DomainEventBus } from './events';
import { MarkerBatch } from './marker-batch';
import { findRoom } from './room-access';
import type { RoomDirectory } from './room-directory';
import type { RoomContext } from './room-views';

/** May this user see counts and activity for the room? */
function counts(user: Pick<User, 'id' | 'name' | 'roles'>, { room, category }: RoomContext): boolean {
  return category.chatHistory && can(user, 'readHistory', room, category);
}

/** Alone on its store, a follower list read from it is trusted this long (a backstop: every follow passes through here). */
const FOLLOWERS_TTL_MS = 60_000;

export interface ReadMarkerOptions {
  /** Several servers share the store: what this one caches of seqs may lag behind. */
  clustered: boolean;
  flushEveryMs?: number;
}

export class ReadMarkerService {
  private readonly lastSeqs = new Map<string, number>();
  private readonly followerCache = new Map<string, { loadedAt: number; followers: Promise<Follower[]> }>();
  private readonly batch: MarkerBatch;

  constructor(
    private readonly storage: Storage,
    private readonly directory: RoomDirectory,
    private readonly events: DomainEventBus,
    private readonly options: ReadMarkerOptions,
    onError: (error: unknown) => void,
  ) {
    this.batch = new MarkerBatch(storage, options.flushEveryMs ?? 500, (advanced) => this.announceReads(advanced), onError);
  }

  async load(): Promise<void> {
    for (const [roomId, seq] of await this.storage.readMarkers.lastSeqs()) this.lastSeqs.set(roomId, seq);
  }

  async markRead(user: User, request: ClientRequest<'room:read'>): Promise<number> {
    const context = findRoom(this.directory, user, request.roomId);
    if (!can(user, 'readHistory', context.room, context.category)) throw new AppError('forbidden', 'you may not read this room');
    // A marker past the last message would hide the next ones, so it stops at the last seq.
    const lastSeq = await this.lastSeqAtLeast(request.roomId, request.seq);
    return this.batch.advance(user.id, request.roomId, Math.min(request.seq, lastSeq));
  }

  async follow(user: User, request: ClientRequest<'room:follow'>): Promise<void> {
    const context = findRoom(this.directory, user, request.roomId);
    // Unfollowing is always allowed, so a user who lost access can still tidy up.
    if (request.follow && !can(user, 'readHistory', context.room, context.category)) {
      throw new AppError('forbidden', 'you may not read this room');
    }
    await this.storage.readMarkers.setFollowed(user.id, request.roomId, request.follow);
    this.forgetFollowers(request.roomId);
    this.events.emit('followers:changed', request.roomId);
  }

  /** The room's followers changed (here or, through the cluster link, on another server). */
  forgetFollowers(roomId: string): void {
    this.followerCache.delete(roomId);
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
    const byRoom = new Map(markers.map((m) => [m.roomId, m]));
    // What is still waiting to be written counts as written.
    const inMemory = this.batch.knownFor(user.id);
    for (const summary of summaries) {
      const marker = byRoom.get(summary.id);
      const context = this.directory.context(summary.id);
      summary.followed = marker?.followed ?? false;
      if (context && counts(user, context)) {
        summary.lastSeq = lastSeqs.get(summary.id) ?? 0;
        summary.lastReadSeq = Math.max(marker?.lastReadSeq ?? 0, inMemory.get(summary.id) ?? 0);
      }
    }
    return summaries;
  }

  /**
   * What a stored message implies for markers (STYLE §17, run in the send path): the sender has
   * read their own message, and followers who may read the room hear `room:activity`.
   */
  async stored(message: Message, context: RoomContext): Promise<void> {
    if (message.seq > (this.lastSeqs.get(message.roomId) ?? 0)) this.lastSeqs.set(message.roomId, message.seq);
    const lastReadBySender = this.batch.advanceKnownAtLeast(message.senderId, message.roomId, message.seq);
    if (context.room.disabled || !context.category.chatHistory) return;
    const followers = await this.followers(message.roomId);
    const others: string[] = [];
    let senderFollows = false;
    for (const follower of followers) {
      if (!counts(follower, context)) continue;
      if (follower.id === message.senderId) senderFollows = true;
      else others.push(follower.id);
    }
    const payload: RoomActivity = { roomId: message.roomId, lastSeq: message.seq };
    if (others.length > 0) this.events.emit('room:activity', others, payload);
    if (senderFollows) this.events.emit('room:activity', [message.senderId], { ...payload, lastReadSeq: await lastReadBySender });
  }

  /** Where memory puts the user's markers, by room (rooms it holds none for are left out). */
  readsInMemory(userId: string): ReadonlyMap<string, number> {
    return this.batch.knownFor(userId);
  }

  /** Writes what is pending (at shutdown, before the store closes). */
  close(): Promise<void> {
    return this.batch.close();
  }

  /** Markers moved by `room:read` reach the user's other devices (their counts drop there too). */
  private announceReads(advanced: { userId: string; roomId: string; seq: number }[]): void {
    for (const { userId, roomId, seq } of advanced) {
      const context = this.directory.context(roomId);
      if (!context || !context.category.chatHistory) continue;
      const lastSeq = Math.max(this.lastSeqs.get(roomId) ?? 0, seq);
      this.events.emit('room:activity', [userId], { roomId, lastSeq, lastReadSeq: seq });
    }
  }

  private async lastSeqAtLeast(roomId: string, wanted: number): Promise<number> {
    const known = this.lastSeqs.get(roomId) ?? 0;
    // Alone, this server stores every message and so knows; with others, ask the store.
    if (wanted <= known || !this.options.clustered) return known;
    const stored = await this.storage.readMarkers.lastSeq(roomId);
    if (stored > (this.lastSeqs.get(roomId) ?? 0)) this.lastSeqs.set(roomId, stored);
    return stored;
  }

  private followers(roomId: string): Promise<Follower[]> {
    // With other servers, a follow there could land between their announcement and our next
    // message: read the list with each message (one indexed query) rather than trust a cache.
    if (this.options.clustered) return this.storage.readMarkers.followers(roomId);
    const cached = this.followerCache.get(roomId);
    if (cached && Date.now() - cached.loadedAt < FOLLOWERS_TTL_MS) return cached.followers;
    const followers = this.storage.readMarkers.followers(roomId);
    this.followerCache.set(roomId, { loadedAt: Date.now(), followers });
    // A failed read is not kept: the next message asks again.
    followers.catch(() => this.followerCache.delete(roomId));
    return followers;
  }
}
