// Message actions (PROTOCOL §11): edit, delete, react, seek a date, and the reply snapshot that
// a send stores. Access comes from the in-memory directory (rooms.require); each action is a
// fixed number of queries and one broadcast to the room, whatever its size.
import type { ClientRequest } from '../../common/protocol';
import { isReactionEmoji, toggleReaction } from '../../common/reaction-emoji';
import { checkMessageText } from '../../common/text';
import type { Message, ReplyRef, User } from '../domain';
import { AppError } from '../errors';
import type { Storage } from '../storage/repositories';
import type { AttentionService } from './attention-service';
import { can } from './authorization';
import type { ConfigService } from './config-service';
import type { DomainEventBus } from './events';
import type { FileService } from './file-service';
import type { RoomService } from './room-service';

/** How much of the replied message a reply keeps (code points). */
export const REPLY_EXCERPT_CODE_POINTS = 200;

/** What a reply stores of the message it answers; bad_request when that message is not in the room. */
export async function replySnapshot(
  storage: Storage,
  senderId: string,
  request: Pick<ClientRequest<'message:send'>, 'roomId' | 'clientId' | 'replyToSeq'>,
): Promise<ReplyRef | null> {
  const { roomId, replyToSeq: seq } = request;
  if (seq === undefined) return null;
  const target = await storage.messageActions.get(roomId, seq);
  if (target) return { seq, senderName: target.senderName, text: Array.from(target.text).slice(0, REPLY_EXCERPT_CODE_POINTS).join('') };
  // A resend of a reply stored before its original was removed still gets its stored copy back
  // (sends are idempotent), with the snapshot it was stored with.
  const stored = await storage.messageActions.byClientId(roomId, senderId, request.clientId);
  if (stored) return stored.replyTo;
  throw new AppError('bad_request', 'replyToSeq: no such message in this room');
}

export class MessageActionService {
  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    private readonly config: ConfigService,
    private readonly rooms: RoomService,
    private readonly files: FileService,
    /** Mentions and alerts follow edits and removals (it reports its own failures). */
    private readonly attention: Pick<AttentionService, 'edited' | 'removed'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Only the sender, only where the category allows edits; the text rules of a send. */
  async edit(user: User, request: ClientRequest<'message:edit'>): Promise<Message> {
    const context = this.rooms.require(user, request.roomId, 'post');
    const { category } = context;
    const message = await this.find(request.roomId, request.seq);
    if (message.senderId !== user.id) throw new AppError('forbidden', 'only its sender may edit a message');
    if (!category.messageEdits) throw new AppError('forbidden', 'messages cannot be edited in this category');
    const checked = checkMessageText(request.text, this.config.current.maxMessageChars);
    if (!checked.ok) throw new AppError('bad_request', checked.reason === 'blank' ? 'the message is empty' : 'the message is too long');
    // The same text again is no edit: nothing stored, nothing announced.
    if (checked.text === message.text) return message;
    const edited = await this.storage.messageActions.edit(request.roomId, request.seq, checked.text, this.now().toISOString());
    if (!edited) throw new AppError('not_found', 'no such message');
    this.events.emit('message:updated', edited);
    // Before the ack, so a rooms:list right after it counts what the edit added or dropped.
    await this.attention.edited(message, edited, context);
    return edited;
  }

  /** The sender (where edits are allowed), the room's managers and administrators. */
  async delete(user: User, request: ClientRequest<'message:delete'>): Promise<void> {
    const { room, category } = this.rooms.require(user, request.roomId, 'join');
    const message = await this.find(request.roomId, request.seq);
    const own = message.senderId === user.id && category.messageEdits;
    if (!own && !can(user, 'manage', room, category)) throw new AppError('forbidden', 'you may not delete this message');
    const removed = await this.storage.messageActions.remove({
      roomId: request.roomId,
      seq: request.seq,
      removedAt: this.now().toISOString(),
      removedBy: user.id,
    });
    if (!removed) throw new AppError('not_found', 'no such message');
    this.events.emit('messages:removed', request.roomId, [request.seq]);
    await this.attention.removed(request.roomId, [request.seq]);
    // §10: the attachment goes with its message (the row at once, then the bytes).
    if (removed.fileId !== null) await this.files.removeAttachments([removed.fileId]);
  }

  /** Anyone who may read the room, auditorium attendees included. */
  async react(user: User, request: ClientRequest<'message:react'>): Promise<Message> {
    this.rooms.require(user, request.roomId, 'join');
    if (!isReactionEmoji(request.emoji)) throw new AppError('bad_request', 'emoji: a reaction is one emoji');
    let changed = false;
    const updated = await this.storage.messageActions.updateReactions(request.roomId, request.seq, (current) => {
      const next = toggleReaction(current, request.emoji, user.id, request.on);
      if (next === 'too_many') throw new AppError('bad_request', 'a message carries at most 20 different emoji');
      changed = next !== current;
      return [...next];
    });
    if (!updated) throw new AppError('not_found', 'no such message');
    if (changed) this.events.emit('message:updated', updated);
    return updated;
  }

  /** The first message at or after the date, else the last one, else 0; needs chat history. */
  async seek(user: User, request: ClientRequest<'messages:seek'>): Promise<number> {
    this.rooms.require(user, request.roomId, 'history');
    return this.storage.messageActions.seek(request.roomId, new Date(request.date).toISOString());
  }

  private async find(roomId: string, seq: number): Promise<Message> {
    const message = await this.storage.messageActions.get(roomId, seq);
    if (!message) throw new AppError('not_found', 'no such message');
    return message;
  }
}
