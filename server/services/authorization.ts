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

/**
 * Lower-cased copies of the member lists seen so far. Names compare case-insensitively
 * (PROTOCOL §10), and rooms may list thousands of names, so each list is folded once and then
 * answered in O(1). Records are replaced, never edited in place, when a list changes (a new
 * array, a new entry); the WeakMap lets old lists go with their records.
 */
const folded = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The last name folded: a rooms:list asks about one user a few thousand times, and V8 makes a new
 * string for every toLowerCase(), already lower-case or not.
 */
let lastName = '';
let lastKey = '';

/** The key a user name is compared by. */
export function nameKey(name: string): string {
  if (name !== lastName) {
    lastName = name;
    lastKey = name.toLowerCase();
  }
  return lastKey;
}

function foldedSet(list: readonly string[]): ReadonlySet<string> {
  let set = folded.get(list);
  if (!set) {
    set = new Set(list.map(nameKey));
    folded.set(list, set);
  }
  return set;
}

/** True when `list` names the user (in any letter case). "*" is not expanded. */
export function listNames(list: readonly string[], userName: string): boolean {
  return list.length > 0 && foldedSet(list).has(nameKey(userName));
}

/** True when `list` names the user or holds "*". */
export function listIncludes(list: readonly string[], userName: string): boolean {
  if (list.length === 0) return false;
  const set = foldedSet(list);
  return set.has(EVERYONE) || set.has(nameKey(userName));
}

/** The category admits this name: allowed (or "*") and not denied — denied wins. */
export function admits(category: AuthzCategory, userName: string): boolean {
  return listIncludes(category.allowedMembers, userName) && !listIncludes(category.deniedMembers, userName);
}

/** In the category: allowed and not denied (denied wins). */
export function inCategory(user: Pick<User, 'name'>, category: AuthzCategory): boolean {
  return admits(category, user.name);
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

  // Every role in a room counts only for people the category admits (PROTOCOL §10): a manager
  // or presenter left outside by a later change of the category reads and posts nothing.
  if (!listIncludes(category.allowedMembers, user.name)) return false;
  const createdIt = room.createdBy === user.id && listIncludes(category.creators, user.name);
  const isManager = listNames(room.managers, user.name) || createdIt;
  const isPresenter = listNames(room.presenters, user.name);
  const isMember = isManager || isPresenter || listIncludes(room.members, user.name);
  const mayRead = room.privacy === 'open' || isMember;

  switch (action) {
    case 'find':
      return room.privacy === 'secret' ? isMember : true;
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
  if (!admits(category, user.name)) return false;
  return listIncludes(room.members, user.name) || listNames(room.managers, user.name) || listNames(room.presenters, user.name);
}
