// Rooms: lookup with access checks, listing, creation and changes by managers, deletion by
// administrators (PROTOCOL.md §7, §9.4, §9.6).
import { randomUUID } from 'node:crypto';
import type { Category, RoomPrivacy, RoomSummary, RoomType, User } from '../domain';
import { AppError } from '../errors';
import type { CategoryRecord, RoomRecord, Storage } from '../storage/repositories';
import { can, canCreateIn, inCategory, isAdmin, listIncludes } from './authorization';
import type { BlobStore } from './blob-store';
import { toCategory } from './category-service';
import type { DomainEventBus } from './events';
import type { InvitationService } from './invitation-service';
import { type AccessNeed, findRoom, requireRoom } from './room-access';
import type { RoomDirectory } from './room-directory';
import { checkMemberLists, managersWithCreator } from './room-member-policy';
import { type RoomContext, toSummary } from './room-views';

export interface RoomInput {
  name?: string;
  categoryId?: string;
  description?: string;
  type?: RoomType;
  privacy?: RoomPrivacy;
  addinId?: string | null;
  members?: string[];
  managers?: string[];
  presenters?: string[];
  invitations?: boolean;
  disabled?: boolean;
}

export class RoomService {
  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    private readonly blobs: BlobStore,
    readonly directory: RoomDirectory,
    /** §12: people newly named in a room's lists may be invited (never fails the change itself). */
    private readonly invitations?: Pick<InvitationService, 'membersChanged'>,
  ) {}

  /** The room with its category and add-in, without any access check. */
  async context(roomId: string): Promise<RoomContext | undefined> {
    return Promise.resolve(this.directory.context(roomId));
  }

  /** The room if the user may know it exists; `not_found` otherwise (secret rooms stay secret). */
  async findFor(user: User, roomId: string): Promise<RoomContext> {
    return Promise.resolve(findRoom(this.directory, user, roomId));
  }

  /** The protocol's error order for an action in a room (room-access.ts), from memory. */
  require(user: User, roomId: string, need: AccessNeed): RoomContext {
    return requireRoom(this.directory, user, roomId, need);
  }

  /** Every room with its category and add-in, for listings and fan-out. */
  async allContexts(): Promise<readonly RoomContext[]> {
    return Promise.resolve(this.directory.all());
  }

  async listFor(user: User, joined: ReadonlySet<string>, query?: string): Promise<RoomSummary[]> {
    const needle = query?.trim().toLowerCase() ?? '';
    const summaries: RoomSummary[] = [];
    for (const context of this.directory.all()) {
      if (!can(user, 'find', context.room, context.category)) continue;
      const { name, description } = context.room;
      if (needle !== '' && !name.toLowerCase().includes(needle) && !description.toLowerCase().includes(needle)) continue;
      summaries.push(toSummary(user, context, joined.has(context.room.id)));
    }
    return Promise.resolve(summaries);
  }

  /** Categories the user belongs to or can create in (administrators: all). */
  async categoriesFor(user: User): Promise<Category[]> {
    const categories = this.directory.allCategories();
    return Promise.resolve(categories.filter((c) => isAdmin(user) || inCategory(user, c) || canCreateIn(user, c)).map(toCategory));
  }

  async create(user: User, input: RoomInput & { name: string; categoryId: string }): Promise<RoomContext> {
    const category = await this.storage.categories.get(input.categoryId);
    if (!category) throw new AppError('not_found', 'no such category');
    if (!canCreateIn(user, category)) throw new AppError('forbidden', 'you may not create rooms in this category');
    await this.assertNameFree(input.name);
    await this.assertAddin(input.addinId);
    // §10: only people the category admits, the creator (who becomes a manager) included.
    const lists = await checkMemberLists(this.storage.users, category, {
      members: input.members ?? [],
      managers: managersWithCreator(user, category, input.managers),
      presenters: input.presenters ?? [],
    });
    const room: RoomRecord = {
      id: randomUUID(),
      name: input.name,
      categoryId: category.id,
      description: input.description ?? '',
      type: input.type ?? 'normal',
      privacy: input.privacy ?? 'closed',
      disabled: input.disabled ?? false,
      addinId: input.addinId ?? null,
      invitations: input.invitations ?? category.invitations,
      createdBy: user.id,
      members: lists.members ?? [],
      managers: lists.managers ?? [],
      presenters: lists.presenters ?? [],
    };
    await this.storage.rooms.create(room, new Date().toISOString());
    this.directory.putRoom(room);
    this.events.emit('room:changed', room.id, undefined);
    await this.invitations?.membersChanged(user, null, room);
    return (await this.context(room.id))!;
  }

  async update(user: User, roomId: string, patch: RoomInput): Promise<RoomContext> {
    const { room, category } = await this.findFor(user, roomId);
    if (!can(user, 'manage', room, category)) throw new AppError('forbidden', 'you do not manage this room');
    const movesCategory = patch.categoryId !== undefined && patch.categoryId !== room.categoryId;
    if (movesCategory && !isAdmin(user)) throw new AppError('forbidden', 'only administrators move rooms between categories');
    if (patch.name !== undefined && patch.name !== room.name) await this.assertNameFree(patch.name);
    await this.assertAddin(patch.addinId);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as RoomInput;
    let next: RoomRecord = { ...room, ...defined };
    let bound = category;
    if (movesCategory) {
      const target = await this.storage.categories.get(next.categoryId);
      if (!target) throw new AppError('not_found', 'no such category');
      next = withoutOutsiders(next, target);
      bound = target;
    }
    // §10: the lists given must fit the (new) category; those not given were trimmed above.
    next = { ...next, ...(await checkMemberLists(this.storage.users, bound, patch)) };
    await this.storage.rooms.update(next);
    const previous = this.directory.context(roomId);
    this.directory.putRoom(next);
    this.events.emit('room:changed', roomId, previous);
    await this.invitations?.membersChanged(user, room, next);
    return (await this.context(roomId))!;
  }

  async delete(user: User, roomId: string): Promise<void> {
    const context = await this.context(roomId);
    if (!context) throw new AppError('not_found', 'no such room');
    if (!can(user, 'delete', context.room, context.category)) throw new AppError('forbidden', 'only administrators delete rooms');
    const fileIds = await this.storage.files.listIdsByRoom(roomId);
    await this.storage.rooms.delete(roomId);
    this.directory.removeRoom(roomId);
    await this.blobs.remove(fileIds);
    this.events.emit('room:deleted', roomId, context);
  }

  private async assertNameFree(name: string): Promise<void> {
    // §10: never the name (or id) of a room the caller may not see, so nothing is confirmed.
    if (await this.storage.rooms.findByName(name)) throw new AppError('conflict', 'that name is taken');
  }

  private async assertAddin(addinId: string | null | undefined): Promise<void> {
    if (addinId && !(await this.storage.addins.get(addinId))) throw new AppError('bad_request', 'no such add-in');
  }
}

/** Moving a room drops the people its new category does not allow. */
function withoutOutsiders(room: RoomRecord, category: CategoryRecord): RoomRecord {
  const keep = (name: string) => (name === '*' || listIncludes(category.allowedMembers, name)) && !listIncludes(category.deniedMembers, name);
  return {
    ...room,
    categoryId: category.id,
    members: room.members.filter(keep),
    managers: room.managers.filter(keep),
    presenters: room.presenters.filter(keep),
  };
}
