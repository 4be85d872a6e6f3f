// Keyword alerts, the topic feeds of Persistent Chat (PROTOCOL §12): a user's alerts (at most 50,
// each with at most 20 keywords of 1..100 characters) and, for each stored message, the alerts it
// matches. Every server holds every alert in an inverted index (keyword-index.ts), built at start
// and updated right after each write here; other servers sharing the store hear through the
// cluster link ('alerts:changed') and reload that user's alerts.
import { randomUUID } from 'node:crypto';
import { type Alert, MAX_ALERTS_PER_USER } from '../../common/attention-protocol';
import type { ClientRequest } from '../../common/protocol';
import type { Message, User } from '../domain';
import { AppError } from '../errors';
import type { AlertRecord } from '../storage/attention-storage';
import type { Storage } from '../storage/repositories';
import { can } from './authorization';
import type { DomainEventBus } from './events';
import { KeywordIndex, foldKeyword } from './keyword-index';
import { findRoom } from './room-access';
import type { RoomDirectory } from './room-directory';
import type { RoomContext } from './room-views';
import type { UserDirectory } from './user-directory';

const toAlert = ({ id, name, keywords, roomIds }: AlertRecord): Alert => ({ id, name, keywords: [...keywords], roomIds: roomIds && [...roomIds] });

export class AlertService {
  private readonly index = new KeywordIndex();
  /** Room filters as sets, so a match costs no scan of an alert's room list. */
  private readonly roomSets = new WeakMap<AlertRecord, ReadonlySet<string>>();
  /** One save or delete at a time per user, so two at once cannot pass the limit of 50 together. */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: Storage,
    private readonly directory: RoomDirectory,
    private readonly users: UserDirectory,
    private readonly events: DomainEventBus,
  ) {}

  async load(): Promise<void> {
    this.index.load(await this.storage.alerts.listAll());
  }

  async list(user: User): Promise<Alert[]> {
    return (await this.storage.alerts.listForUser(user.id)).map(toAlert);
  }

  save(user: User, request: ClientRequest<'alert:save'>): Promise<Alert> {
    return this.serially(user.id, async () => {
      const existing = await this.storage.alerts.listForUser(user.id);
      if (request.id !== undefined && !existing.some((a) => a.id === request.id)) throw new AppError('not_found', 'no such alert');
      if (request.id === undefined && existing.length >= MAX_ALERTS_PER_USER) {
        throw new AppError('bad_request', `at most ${MAX_ALERTS_PER_USER} alerts per user`);
      }
      const record: AlertRecord = {
        id: request.id ?? randomUUID(),
        userId: user.id,
        name: request.name,
        keywords: distinctKeywords(request.keywords),
        roomIds: request.roomIds ? this.checkRooms(user, request.roomIds) : null,
      };
      await this.storage.alerts.put(record, new Date().toISOString());
      await this.refresh(user.id);
      return toAlert(record);
    });
  }

  delete(user: User, request: ClientRequest<'alert:delete'>): Promise<void> {
    return this.serially(user.id, async () => {
      if (!(await this.storage.alerts.delete(user.id, request.id))) throw new AppError('not_found', 'no such alert');
      await this.refresh(user.id);
    });
  }

  /** Another server changed the user's alerts. */
  async reload(userId: string): Promise<void> {
    this.index.setUser(userId, await this.storage.alerts.listForUser(userId));
  }

  /**
   * The stored message in a readable room (the caller checked history on, not disabled): one
   * `alert:match` per matching alert of a user who may read the room, never the sender's own.
   */
  matched(message: Message, context: RoomContext, already?: ReadonlyMap<string, AlertRecord>): void {
    for (const alert of this.index.match(message.text).values()) {
      if (alert.userId === message.senderId || already?.has(alert.id)) continue;
      if (alert.roomIds !== null && !this.roomSet(alert).has(message.roomId)) continue;
      const owner = this.users.get(alert.userId);
      if (!owner || owner.disabled || !can(owner, 'readHistory', context.room, context.category)) continue;
      this.events.emit('alert:match', alert.userId, { alertId: alert.id, message, roomName: context.room.name });
    }
  }

  /** An edited message: only the alerts its new text matches and its old text did not. */
  edited(before: Message, after: Message, context: RoomContext): void {
    this.matched(after, context, this.index.match(before.text));
  }

  private async refresh(userId: string): Promise<void> {
    this.index.setUser(userId, await this.storage.alerts.listForUser(userId));
    this.events.emit('alerts:changed', userId);
  }

  /** Rooms the user may know of, each once; any other id is refused (secret rooms stay secret). */
  private checkRooms(user: User, roomIds: readonly string[]): string[] {
    const unique = [...new Set(roomIds)];
    for (const roomId of unique) {
      try {
        findRoom(this.directory, user, roomId);
      } catch {
        throw new AppError('bad_request', `no such room: ${roomId}`);
      }
    }
    return unique;
  }

  private roomSet(alert: AlertRecord): ReadonlySet<string> {
    let set = this.roomSets.get(alert);
    if (!set) {
      set = new Set(alert.roomIds);
      this.roomSets.set(alert, set);
    }
    return set;
  }

  private serially<T>(userId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.writing.get(userId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.writing.set(userId, settled);
    void settled.then(() => {
      if (this.writing.get(userId) === settled) this.writing.delete(userId);
    });
    return next;
  }
}

/** Keywords as the user spelled them (trimmed), each once in any letter case. */
function distinctKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  return keywords.filter((keyword) => {
    const key = foldKeyword(keyword);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
