// Messages: the join snapshot, history pages, catch-up, idempotent send and search
// (PROTOCOL.md §2, §9.4, §9.5, §9.9, §9.13, §9.14).
import { randomUUID } from 'node:crypto';
import { checkMessageText } from '../../common/text';
import { DEFAULT_SEARCH_LIMIT, MAX_SINCE_PAGE, type ClientRequest } from '../../common/protocol';
import type { Message, SearchHit, User } from '../domain';
import { AppError } from '../errors';
import type { Storage } from '../storage/repositories';
import { type RoomAction, can } from './authorization';
import type { ConfigService } from './config-service';
import type { DomainEventBus } from './events';
import type { RoomService } from './room-service';
import type { RoomContext } from './room-views';

export interface Page {
  messages: Message[];
  hasMore: boolean;
}

export class MessageService {
  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    private readonly config: ConfigService,
    private readonly rooms: RoomService,
  ) {}

  /** Access in the protocol's order: not_found → room_disabled → forbidden. */
  async access(user: User, roomId: string, action: RoomAction): Promise<RoomContext> {
    const context = await this.rooms.findFor(user, roomId);
    if (context.room.disabled) throw new AppError('room_disabled', 'this room is disabled');
    if (!can(user, action, context.room, context.category)) {
      throw new AppError('forbidden', action === 'post' ? 'you may not post in this room' : 'you may not read this room');
    }
    return context;
  }

  /** The last N messages (N = effective defaultChatHistory), oldest first; none without history. */
  async latest(context: RoomContext): Promise<Page> {
    if (!context.category.chatHistory) return { messages: [], hasMore: false };
    const n = this.config.current.defaultChatHistory;
    const rows = await this.storage.messages.latest(context.room.id, n + 1);
    const hasMore = rows.length > n;
    return { messages: hasMore ? rows.slice(1) : rows, hasMore };
  }

  async history(user: User, request: ClientRequest<'room:history'>): Promise<Page> {
    await this.readableWithHistory(user, request.roomId);
    const rows = await this.storage.messages.before(request.roomId, request.beforeSeq, request.limit + 1);
    const hasMore = rows.length > request.limit;
    return { messages: hasMore ? rows.slice(1) : rows, hasMore };
  }

  async since(user: User, request: ClientRequest<'messages:since'>): Promise<Page> {
    await this.readableWithHistory(user, request.roomId);
    const rows = await this.storage.messages.after(request.roomId, request.afterSeq, MAX_SINCE_PAGE + 1);
    const hasMore = rows.length > MAX_SINCE_PAGE;
    return { messages: hasMore ? rows.slice(0, MAX_SINCE_PAGE) : rows, hasMore };
  }

  async send(user: User, request: ClientRequest<'message:send'>): Promise<Message> {
    await this.access(user, request.roomId, 'post');
    const checked = checkMessageText(request.text, this.config.current.maxMessageChars);
    if (!checked.ok) {
      throw new AppError('bad_request', checked.reason === 'blank' ? 'the message is empty' : 'the message is too long');
    }
    if (request.fileId !== undefined) {
      const file = await this.storage.files.get(request.fileId);
      if (!file || file.roomId !== request.roomId || file.uploaderId !== user.id) {
        throw new AppError('bad_request', 'no such file in this room');
      }
    }
    const { message, created } = await this.storage.messages.insertIdempotent({
      id: randomUUID(),
      roomId: request.roomId,
      senderId: user.id,
      senderName: user.displayName,
      clientId: request.clientId,
      text: checked.text,
      fileId: request.fileId ?? null,
      createdAt: new Date().toISOString(),
    });
    // Only a newly stored message is news; a resend just gets its stored copy back.
    if (created) this.events.emit('message:created', message);
    return message;
  }

  async search(user: User, request: ClientRequest<'search'>): Promise<SearchHit[]> {
    const words = request.query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
    let searchable: RoomContext[];
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

  private async readableWithHistory(user: User, roomId: string): Promise<RoomContext> {
    const context = await this.access(user, roomId, 'readHistory');
    if (!context.category.chatHistory) throw new AppError('history_disabled', 'chat history is off in this category');
    return context;
  }
}
