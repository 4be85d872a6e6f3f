// Read markers and follows (docs/protocol.md "What pchat adds"): where each user stopped
// reading each room, which rooms they follow, and who hears about new messages in a room they
// have not joined. Rooms whose category has chat history off get no unread count and no
// activity: opening them shows no past messages, so a count could never be cleared by reading.
import type { ClientRequest } from '../../common/protocol';
import type { Message, RoomActivity, RoomSummary, User } from '../domain';
import { AppError } from '../errors';
import type { Storage } from '../storage/repositories';
import { can } from './authorization';
import type { RoomService } from './room-service';
import type { RoomContext } from './room-views';

/** May this user see counts and activity for the room? */
function counts(user: User, { room, category }: RoomContext): boolean {
  return category.chatHistory && can(user, 'readHistory', room, category);
}

export class ReadMarkerService {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomService,
  ) {}

  async markRead(user: User, request: ClientRequest<'room:read'>): Promise<number> {
    const context = await this.rooms.findFor(user, request.roomId);
    if (!can(user, 'readHistory', context.room, context.category)) throw new AppError('forbidden', 'you may not read this room');
    // A marker past the last message would hide the next ones, so it stops at the last seq.
    const lastSeq = (await this.storage.readMarkers.lastSeqs()).get(request.roomId) ?? 0;
    return this.storage.readMarkers.markRead(user.id, request.roomId, Math.min(request.seq, lastSeq));
  }

  async follow(user: User, request: ClientRequest<'room:follow'>): Promise<void> {
    const context = await this.rooms.findFor(user, request.roomId);
    // Unfollowing is always allowed, so a user who lost access can still tidy up.
    if (request.follow && !can(user, 'readHistory', context.room, context.category)) {
      throw new AppError('forbidden', 'you may not read this room');
    }
    await this.storage.readMarkers.setFollowed(user.id, request.roomId, request.follow);
  }

  /** Adds followed / lastSeq / lastReadSeq to the summaries of rooms:list. */
  async annotate(user: User, summaries: RoomSummary[]): Promise<RoomSummary[]> {
    const [markers, lastSeqs, contexts] = await Promise.all([
      this.storage.readMarkers.listForUser(user.id),
      this.storage.readMarkers.lastSeqs(),
      this.rooms.allContexts(),
    ]);
    const byRoom = new Map(markers.map((m) => [m.roomId, m]));
    const contextById = new Map(contexts.map((c) => [c.room.id, c]));
    return summaries.map((summary) => {
      const marker = byRoom.get(summary.id);
      const context = contextById.get(summary.id);
      const annotated: RoomSummary = { ...summary, followed: marker?.followed ?? false };
      if (context && counts(user, context)) {
        annotated.lastSeq = lastSeqs.get(summary.id) ?? 0;
        annotated.lastReadSeq = marker?.lastReadSeq ?? 0;
      }
      return annotated;
    });
  }

  /** Who hears `room:activity` for a stored message, and what: followers who may read the room.
   * The sender's own message counts as read for them, wherever they sent it from. */
  async activity(message: Message): Promise<{ userId: string; payload: RoomActivity }[]> {
    const lastReadBySender = await this.storage.readMarkers.markRead(message.senderId, message.roomId, message.seq);
    const context = await this.rooms.context(message.roomId);
    if (!context || context.room.disabled || !context.category.chatHistory) return [];
    const followers = await this.storage.readMarkers.followers(message.roomId);
    const out: { userId: string; payload: RoomActivity }[] = [];
    for (const userId of followers) {
      const record = await this.storage.users.findById(userId);
      if (!record || !counts(record, context)) continue;
      const payload: RoomActivity = { roomId: message.roomId, lastSeq: message.seq };
      if (userId === message.senderId) payload.lastReadSeq = lastReadBySender;
      out.push({ userId, payload });
    }
    return out;
  }
}
