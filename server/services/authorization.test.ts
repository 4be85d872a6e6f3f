import { describe, expect, it } from 'vitest';
import type { AuthzCategory, AuthzRoom, RoomAction } from './authorization';
import { ROOM_ACTIONS, admits, can, canCreateIn, inCategory, isRoomMember } from './authorization';

const user = (name: string, admin = false) => ({ id: `id-${name}`, name, roles: admin ? (['admin', 'user'] as const).slice() : ['user' as const] });
const openCategory: AuthzCategory = { allowedMembers: ['*'], deniedMembers: [], creators: ['cleo'] };
const room = (over: Partial<AuthzRoom> = {}): AuthzRoom => ({
  privacy: 'open',
  type: 'normal',
  members: ['mem'],
  managers: ['man'],
  presenters: ['pres'],
  createdBy: null,
  ...over,
});

type Row = [who: string, roomOver: Partial<AuthzRoom>, category: AuthzCategory, allowed: RoomAction[]];
const readers: RoomAction[] = ['find', 'join', 'readHistory', 'post', 'upload', 'search'];
const watchers: RoomAction[] = ['find', 'join', 'readHistory', 'search'];
const all: RoomAction[] = [...ROOM_ACTIONS];

const table: Row[] = [
  // open room: everyone the category admits reads and posts
  ['stranger', {}, openCategory, readers],
  ['mem', {}, openCategory, readers],
  ['man', {}, openCategory, [...readers, 'manage']],
  // closed: listed for everyone, readable for members only
  ['stranger', { privacy: 'closed' }, openCategory, ['find']],
  ['mem', { privacy: 'closed' }, openCategory, readers],
  ['pres', { privacy: 'closed' }, openCategory, readers],
  // secret: invisible to non-members
  ['stranger', { privacy: 'secret' }, openCategory, []],
  ['mem', { privacy: 'secret' }, openCategory, readers],
  ['man', { privacy: 'secret' }, openCategory, [...readers, 'manage']],
  // auditorium: only presenters and managers post
  ['stranger', { type: 'auditorium' }, openCategory, watchers],
  ['mem', { type: 'auditorium' }, openCategory, watchers],
  ['pres', { type: 'auditorium' }, openCategory, readers],
  ['man', { type: 'auditorium' }, openCategory, [...readers, 'manage']],
  // a creator manages the rooms they created, not others
  ['cleo', { createdBy: 'id-cleo' }, openCategory, [...readers, 'manage']],
  ['cleo', { createdBy: 'id-other' }, openCategory, readers],
  // category allow list: outsiders see nothing of open rooms, named members lose membership
  ['stranger', {}, { ...openCategory, allowedMembers: ['mem'] }, []],
  ['mem', {}, { ...openCategory, allowedMembers: ['mem'] }, readers],
  ['pres', { privacy: 'closed' }, { ...openCategory, allowedMembers: ['mem'] }, []],
  // denied wins over everything except the administrator role
  ['mem', {}, { ...openCategory, deniedMembers: ['mem'] }, []],
  ['man', { privacy: 'secret' }, { ...openCategory, deniedMembers: ['man'] }, []],
  ['cleo', { createdBy: 'id-cleo' }, { ...openCategory, deniedMembers: ['*'] }, []],
  ['mem', {}, { ...openCategory, allowedMembers: ['mem'], deniedMembers: ['mem'] }, []],
  // PROTOCOL §10: a role in the room counts only for people the category admits; denied wins
  ['man', {}, { ...openCategory, allowedMembers: ['mem'] }, []],
  ['man', { privacy: 'closed' }, { ...openCategory, deniedMembers: ['man'] }, []],
  ['pres', { type: 'auditorium' }, { ...openCategory, deniedMembers: ['pres'] }, []],
  ['pres', { type: 'auditorium', privacy: 'secret' }, { ...openCategory, allowedMembers: ['mem'] }, []],
  ['cleo', { createdBy: 'id-cleo' }, { ...openCategory, allowedMembers: ['mem'] }, []],
  // names compare case-insensitively, in room and category lists alike
  ['MEM', { privacy: 'secret' }, openCategory, readers],
  ['Man', { privacy: 'closed' }, openCategory, [...readers, 'manage']],
  ['PRES', { type: 'auditorium' }, openCategory, readers],
  ['Mem', {}, { ...openCategory, deniedMembers: ['mEM'] }, []],
  ['MEM', {}, { ...openCategory, allowedMembers: ['mem'] }, readers],
  // "*" in a room's member list: everyone the category admits is a member, never a manager
  ['stranger', { privacy: 'closed', members: ['*'] }, openCategory, readers],
  ['stranger', { privacy: 'closed', members: ['*'], managers: ['*'] }, { ...openCategory, allowedMembers: ['mem'] }, []],
];

describe('can()', () => {
  it.each(table)('%s in %j', (who, roomOver, category, allowed) => {
    for (const action of ROOM_ACTIONS) {
      expect([action, can(user(who), action, room(roomOver), category)]).toEqual([action, allowed.includes(action)]);
    }
  });

  it('lets administrators do everything, even in secret rooms of categories that deny them', () => {
    const denying = { ...openCategory, allowedMembers: [], deniedMembers: ['*'] };
    for (const action of all) expect(can(user('root', true), action, room({ privacy: 'secret', type: 'auditorium' }), denying)).toBe(true);
  });

  it('never lets a non-administrator delete a room', () => {
    expect(can(user('man'), 'delete', room(), openCategory)).toBe(false);
    expect(can(user('cleo'), 'delete', room({ createdBy: 'id-cleo' }), openCategory)).toBe(false);
  });
});

describe('isRoomMember()', () => {
  it('counts named members, managers and presenters the category admits, in any letter case', () => {
    expect(isRoomMember(user('Mem'), room({ privacy: 'closed' }), openCategory)).toBe(true);
    expect(isRoomMember(user('man'), room(), openCategory)).toBe(true);
    expect(isRoomMember(user('stranger'), room(), openCategory)).toBe(false);
    expect(isRoomMember(user('man'), room(), { ...openCategory, allowedMembers: ['mem'] })).toBe(false);
    expect(isRoomMember(user('pres'), room(), { ...openCategory, deniedMembers: ['PRES'] })).toBe(false);
  });

  it('sees a list replaced by a new array (records are replaced, not edited)', () => {
    const before = room({ privacy: 'closed', members: ['a'] });
    expect(can(user('b'), 'join', before, openCategory)).toBe(false);
    expect(can(user('b'), 'join', { ...before, members: [...before.members, 'B'] }, openCategory)).toBe(true);
  });
});

describe('category helpers', () => {
  it('denied wins over allowed', () => {
    expect(inCategory(user('a'), { allowedMembers: ['*'], deniedMembers: ['a'], creators: [] })).toBe(false);
    expect(inCategory(user('b'), { allowedMembers: ['*'], deniedMembers: ['a'], creators: [] })).toBe(true);
  });
  it('admits() is allowed minus denied, "*" meaning everyone, in any letter case', () => {
    expect(admits({ allowedMembers: ['*'], deniedMembers: [], creators: [] }, 'anyone')).toBe(true);
    expect(admits({ allowedMembers: ['Alice'], deniedMembers: [], creators: [] }, 'alice')).toBe(true);
    expect(admits({ allowedMembers: ['alice'], deniedMembers: [], creators: [] }, 'bob')).toBe(false);
    expect(admits({ allowedMembers: ['*'], deniedMembers: ['*'], creators: [] }, 'alice')).toBe(false);
  });
  it('creators create rooms unless denied; administrators always', () => {
    expect(canCreateIn(user('cleo'), openCategory)).toBe(true);
    expect(canCreateIn(user('mem'), openCategory)).toBe(false);
    expect(canCreateIn(user('cleo'), { ...openCategory, deniedMembers: ['cleo'] })).toBe(false);
    expect(canCreateIn(user('root', true), { ...openCategory, creators: [] })).toBe(true);
  });
});
