// The one place that decides who may do what in a room (PROTOCOL.md §7, §9.4). It answers the
// "who" question only: role × privacy × type × membership. Feature switches that have their own
// error codes (room disabled, chat history off, uploads off) are checked by the services, in the
// order the protocol fixes, so the caller can answer with the right code.
import type { User } from '../domain';
import type { CategoryRecord, RoomRecord } from '../storage/repositories';

export const ROOM_ACTIONS = ['find', 'join', 'readHistory', 'post', 'upload', 'search', 'manage', 'delete'] as const;
export type RoomAction = (typeof ROOM_ACTIONS)[number];

export type AuthzRoom = Pick<RoomRecord, 'privacy' | 'type' | 'members' | 'managers' | 'presenters' | 'createdBy'>;
export type AuthzCategory = Pick<CategoryRecord, 'allowedMembers' | 'deniedMembers' | 'creators'>;

export const EVERYONE = '*';

export function isAdmin(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('admin');
}

/** True when `list` names the user or holds "*". */
export function listIncludes(list: readonly string[], userName: string): boolean {
  return list.includes(userName) || list.includes(EVERYONE);
}

/** In the category: allowed and not denied (denied wins). */
export function inCategory(user: Pick<User, 'name'>, category: AuthzCategory): boolean {
  return listIncludes(category.allowedMembers, user.name) && !listIncludes(category.deniedMembers, user.name);
}

/** May create rooms in the category: administrators, and its creators who are not denied. */
export function canCreateIn(user: Pick<User, 'name' | 'roles'>, category: AuthzCategory): boolean {
  if (isAdmin(user)) return true;
  return listIncludes(category.creators, user.name) && !listIncludes(category.deniedMembers, user.name);
}

export function can(user: Pick<User, 'id' | 'name' | 'roles'>, action: RoomAction, room: AuthzRoom, category: AuthzCategory): boolean {
  if (isAdmin(user)) return true;
  if (action === 'delete') return false;
  if (listIncludes(category.deniedMembers, user.name)) return false;

  const allowed = listIncludes(category.allowedMembers, user.name);
  const createdIt = room.createdBy === user.id && listIncludes(category.creators, user.name);
  const isManager = room.managers.includes(user.name) || createdIt;
  const isPresenter = room.presenters.includes(user.name);
  // Membership only counts for people the category admits; managers always count.
  const isMember = isManager || (allowed && (listIncludes(room.members, user.name) || isPresenter));
  const mayRead = room.privacy === 'open' ? allowed || isManager : isMember;

  switch (action) {
    case 'find':
      return room.privacy === 'secret' ? isMember : allowed || isManager;
    case 'join':
    case 'readHistory':
    case 'search':
      return mayRead;
    case 'post':
    case 'upload':
      return mayRead && (room.type === 'normal' || isPresenter || isManager);
    case 'manage':
      return isManager;
  }
}

/** The room's membership as the protocol's `isMember` reports it. */
export function isRoomMember(user: Pick<User, 'id' | 'name' | 'roles'>, room: AuthzRoom, category: AuthzCategory): boolean {
  if (listIncludes(category.deniedMembers, user.name)) return false;
  const named = listIncludes(room.members, user.name) || room.managers.includes(user.name) || room.presenters.includes(user.name);
  return named && (listIncludes(category.allowedMembers, user.name) || room.managers.includes(user.name));
}
