// Messages: the join snapshot, history pages, catch-up, idempotent send and search
// (PROTOCOL.md §2, §9.4, §9.5, §9.9, §9.13, §9.14). Access is answered from the in-memory
// directory (room-access.ts); sends are group-committed (group-commit.ts); pages are bounded in
// bytes (page-bounds.ts).
import { randomUUID } from 'node:crypto';
import { checkMessageText } from '../../common/text';
import { DEFAULT_SEARCH_LIMIT, MAX_SINCE_PAGE, type ClientRequest } from '../../common/protocol';
import type { FileRef, Message, SearchHit, User } from '../domain';
import { AppError } from '../errors';
import type { Storage } from '../storage/repositories';
import { can } from './authorization';
import type { AttentionService } from './attention-service';
import type { ConfigService } from './config-service';
import type { DomainEventBus } from './events';
import { GroupCommit } from './group-commit';
import { replySnapshot } from './message-action-service';
import { MAX_CATCH_UP_BYTES, newestWithin, oldestWithin } from './page-bounds';
import type { ReadMarkerService } from './read-marker-service';
import type { RecentMessages } from './recent-messages';
import type { AccessNeed } from './room-access';
import type { RoomService } from './room-service';
import type { RoomContext } from './room-views';

export interface Page {
  messages: Message[];
  hasMore: boolean;
}

export class MessageService {
  private readonly writer: GroupCommit;

  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    private readonly config: ConfigService,
    private readonly rooms: RoomService,
    private readonly readMarkers: ReadMarkerService,
    private readonly onError: (what: string, error: unknown) => void,
    private readonly attention: Pick<AttentionService, 'stored'>,
    /** The newest messages of rooms opened lately; null on a clustered server (recent-messages.ts). */
    private readonly recent: RecentMessages | null,
  ) {
    this.writer = new GroupCommit(storage);
  }

  /** Access in the protocol's order: not_found → room_disabled → forbidden. */
  access(user: User, roomId: string, need: AccessNeed): RoomContext {
    return this.rooms.require(user, roomId, need);
  }

  /** The last N messages (N = effective defaultChatHistory), oldest first; none without history. */
  async latest(context: RoomContext): Promise<Page> {
    if (!context.category.chatHistory) return { messages: [], hasMore: false };
    const n = this.config.current.defaultChatHistory;
    const rows = await (this.recent ?? this.storage.messages).latest(context.room.id, n + 1);
    return newestPage(rows, n);
  }

  /**
   * Fills the recent-messages cache from the store (recent-messages.ts warm), one room at a time;
   * resolves with what it then holds (nothing on a clustered server, which keeps none).
   */
  async warmRecent(stopped: () => boolean): Promise<{ rooms: number; bytes: number }> {
    if (!this.recent) return { rooms: 0, bytes: 0 };
    const rooms = (await this.rooms.allContexts()).filter((c) => !c.room.disabled && c.category.chatHistory).map((c) => c.room.id);
    await this.recent.warm(rooms, this.config.current.defaultChatHistory + 1, stopped);
    return this.recent.size;
  }

  async history(user: User, request: ClientRequest<'room:history'>): Promise<Page> {
    this.access(user, request.roomId, 'history');
    const rows = await this.storage.messages.before(request.roomId, request.beforeSeq, request.limit + 1);
    return newestPage(rows, request.limit);
  }

  async since(user: User, request: ClientRequest<'messages:since'>): Promise<Page> {
    this.access(user, request.roomId, 'history');
    const rows = await this.storage.messages.after(request.roomId, request.afterSeq, MAX_SINCE_PAGE + 1);
    const counted = rows.length > MAX_SINCE_PAGE;
    const { messages, cut } = oldestWithin(counted ? rows.slice(0, MAX_SINCE_PAGE) : rows, MAX_CATCH_UP_BYTES);
    return { messages, hasMore: counted || cut };
  }

  async send(user: User, request: ClientRequest<'message:send'>): Promise<Message> {
    const context = this.access(user, request.roomId, 'post');
    const checked = checkMessageText(request.text, this.config.current.maxMessageChars);
    if (!checked.ok) {
      throw new AppError('bad_request', checked.reason === 'blank' ? 'the message is empty' : 'the message is too long');
    }
    let file: FileRef | null = null;
    if (request.fileId !== undefined) {
      const record = await this.storage.files.get(request.fileId);
      if (!record || record.roomId !== request.roomId || record.uploaderId !== user.id) {
        throw new AppError('bad_request', 'no such file in this room');
      }
      file = { fileId: record.fileId, name: record.name, size: record.size, mime: record.mime };
    }
    // §11: a reply keeps what it answers as it is now (later edits and removals leave it as sent).
    const replyTo = await replySnapshot(this.storage, user.id, request);
    const { message, created } = await this.writer.insert(
      {
        id: randomUUID(),
        roomId: request.roomId,
        senderId: user.id,
        senderName: user.displayName,
        clientId: request.clientId,
        text: checked.text,
        fileId: request.fileId ?? null,
        createdAt: new Date().toISOString(),
        replyTo,
      },
      file,
    );
    // Only a newly stored message is news; a resend just gets its stored copy back. The broadcast
    // goes out at once, in seq order; what else the message implies follows it.
    if (created) {
      this.events.emit('message:created', message);
      this.readMarkers.stored(message, context).catch((error: unknown) => this.onError('read markers after a send', error));
      this.attention.stored(message, context).catch((error: unknown) => this.onError('mentions and alerts after a send', error));
    }
    return message;
  }

  async search(user: User, request: ClientRequest<'search'>): Promise<SearchHit[]> {
    const words = request.query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
    let searchable: readonly RoomContext[];
    if (request.roomId !== undefined) {
      const context = await this.rooms.findFor(user, request.roomId);
      if (!can(user, 'search', context.room, context.category)) throw new AppError('forbidden', 'you may not read this room');
      searchable = [context];
    } else {
      searchable = (await this.rooms.allContexts()).filter((c) => can(user, 'search', c.room, c.category));
    }
    // Disabled rooms and rooms without history never show up in search.
    searchable = searchable.filter((c) => !c.room.disabled && c.category.chatHistory);
    const names = new Map(searchable.map((c) => [c.room.id, c.room.name]));
    const messages = await this.storage.messages.search({
      words,
      roomIds: [...names.keys()],
      beforeSeq: request.beforeSeq,
      limit: request.limit ?? DEFAULT_SEARCH_LIMIT,
    });
    return messages.map((message) => ({ message, roomName: names.get(message.roomId) ?? '' }));
  }
}

/** Up to `limit` of the newest rows (asked for limit + 1 to learn whether there is more), bounded in bytes. */
function newestPage(rows: Message[], limit: number): Page {
  const counted = rows.length > limit;
  const { messages, cut } = newestWithin(counted ? rows.slice(1) : rows);
  return { messages, hasMore: counted || cut };
}
