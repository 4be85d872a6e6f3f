// Attention (PROTOCOL §12): what a stored message implies for the people it concerns — mentions
// and keyword alerts — and what rooms:list adds for them: unread mentions, invitations and the
// per-room notification level (a pchat addition).
//
// The hot path (DESIGN §4b, STYLE §17): `stored()` runs in the send path after the broadcast.
// Names are resolved against the in-memory user directory (a trie walk from each "@"), alerts
// against the in-memory keyword index (one lookup per word), authorization from the room
// directory; the only query is one multi-row insert of the mention rows, and only when the
// message mentions somebody. Each push is one emit to the users' channels (every server).
//
// Edits and removals (docs/protocol.md "Attention, beyond §12"): an edit notifies only whom the
// new text adds, and drops the rows of whom it no longer mentions; a removed message takes its
// rows with it. Both follow the change that was already stored and acknowledged, so a failure
// here is reported, not thrown: the prune (mention-sweep.ts) removes rows left behind.
import { DEFAULT_NOTIFY_LEVEL } from '../../common/attention-protocol';
import type { ClientRequest } from '../../common/protocol';
import type { Message, RoomSummary, User } from '../domain';
import type { Storage } from '../storage/repositories';
import { AlertService } from './alert-service';
import { can } from './authorization';
import type { DomainEventBus } from './events';
import { InvitationService } from './invitation-service';
import { PendingWrites } from './pending-writes';
import { findRoom } from './room-access';
import type { RoomDirectory } from './room-directory';
import type { RoomContext } from './room-views';
import type { UserDirectory } from './user-directory';

/** What the attention service asks of the read markers: where memory stands beyond the store. */
export interface ReadPositions {
  readsInMemory(userId: string): ReadonlyMap<string, number>;
}

export class AttentionService {
  readonly alerts: AlertService;
  readonly invitations: InvitationService;
  /** Mention rows being written for messages this server has acknowledged, by who is mentioned. */
  private readonly mentionWrites = new PendingWrites();

  constructor(
    private readonly storage: Storage,
    private readonly directory: RoomDirectory,
    readonly users: UserDirectory,
    private readonly events: DomainEventBus,
    private readonly reads: ReadPositions,
    private readonly onError: (what: string, error: unknown) => void,
  ) {
    this.alerts = new AlertService(storage, directory, users, events);
    this.invitations = new InvitationService(storage, directory, users, events, onError);
  }

  async load(): Promise<void> {
    await Promise.all([this.users.load(), this.alerts.load()]);
  }

  /** A message was stored (and broadcast): its alerts, then its mentions. */
  async stored(message: Message, context: RoomContext): Promise<void> {
    if (!announces(context)) return;
    this.alerts.matched(message, context);
    await this.mention(message, context, this.readersMentioned(message, context));
  }

  /**
   * A message was edited (and `message:updated` sent): the same rules as a send for whom the new
   * text mentions, but nobody the old text already mentioned hears of it again, and the rows of
   * those it no longer mentions (or who may no longer read it) go, so their count drops. Who was
   * told is whom the old text names now and whom the message holds a row for: a user renamed
   * since, named in the old text by their old display name, is found by the second.
   */
  async edited(before: Message, after: Message, context: RoomContext): Promise<void> {
    try {
      const readers = this.readersMentioned(after, context);
      const rows = await this.storage.attention.mentionedIn(after.roomId, after.seq);
      await this.storage.attention.keepMentions(after.roomId, after.seq, readers);
      if (!announces(context)) return;
      this.alerts.edited(before, after, context);
      const already = this.users.mentioned(before.text);
      for (const userId of rows) already.add(userId);
      await this.mention(after, context, readers.filter((userId) => !already.has(userId)));
    } catch (error) {
      this.onError('mentions and alerts after an edit', error);
    }
  }

  /** Messages were removed (or rewritten by an administrator): their mention rows go with them. */
  async removed(roomId: string, seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    try {
      await this.storage.attention.removeMentions(roomId, seqs);
    } catch (error) {
      this.onError('mentions after a removal', error);
    }
  }

  /** Who the text mentions and may be told: may read the room, not disabled, not the sender. */
  private readersMentioned(message: Message, context: RoomContext): string[] {
    if (!announces(context)) return [];
    const readers: string[] = [];
    for (const userId of this.users.mentioned(message.text)) {
      const user = this.users.get(userId);
      if (!user || user.disabled || userId === message.senderId || !can(user, 'readHistory', context.room, context.category)) continue;
      readers.push(userId);
    }
    return readers;
  }

  private async mention(message: Message, context: RoomContext, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const written = this.storage.attention.addMentions(message.roomId, message.seq, userIds);
    this.mentionWrites.add(userIds, written);
    try {
      // Stored before the push, so a rooms:list the push prompts already counts it.
      await written;
    } finally {
      this.events.emit('mention:new', userIds, { message, roomName: context.room.name });
    }
  }

  /** Adds mentions, invited and notify to the summaries of rooms:list (after the read markers). */
  async annotate(user: User, summaries: RoomSummary[]): Promise<RoomSummary[]> {
    // The rows of messages already acknowledged count (pending-writes.ts).
    await this.mentionWrites.settled(user.id);
    // The few markers the store may be behind on, as they stand now (a snapshot: the query must not see them move).
    const readInMemory = this.reads.readsInMemory(user.id);
    const [counts, invited, levels] = await Promise.all([
      this.storage.attention.mentionCounts(user.id, readInMemory),
      this.invitations.invitedRooms(user.id),
      this.storage.attention.notifyLevels(user.id),
    ]);
    // In place, like the read markers: the summaries were built for this answer.
    for (const summary of summaries) {
      // Counts only where the caller may read the room now (lastSeq is there exactly then).
      summary.mentions = summary.lastSeq === undefined ? 0 : (counts.get(summary.id) ?? 0);
      summary.invited = invited.has(summary.id);
      summary.notify = levels.get(summary.id) ?? DEFAULT_NOTIFY_LEVEL;
    }
    return summaries;
  }

  /** `room:notify`: any room the user may know of (the level only shapes their own notifications). */
  async setNotifyLevel(user: User, request: ClientRequest<'room:notify'>): Promise<void> {
    findRoom(this.directory, user, request.roomId);
    await this.storage.attention.setNotifyLevel(user.id, request.roomId, request.level);
  }
}

/**
 * Nothing is announced for disabled rooms or rooms without chat history (a mention there could
 * never be read back), and never anything to the sender.
 */
const announces = ({ room, category }: RoomContext): boolean => !room.disabled && category.chatHistory;
