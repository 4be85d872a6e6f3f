// toSummary (rooms:list's summary, made in its final shape, annotations undefined until filled)
// says on the wire the fields of the contract in their order, and nothing it should not.
import { describe, expect, it } from 'vitest';
import type { RoomSummary, User } from '../domain';
import type { RoomRecord } from '../storage/repositories';
import { type RoomContext, toSummary } from './room-views';
import { categoryRecord, roomRecord } from '../../test/support/records';

const category = categoryRecord();

const room = (patch: Partial<RoomRecord>): RoomRecord =>
  roomRecord('r1', { name: 'Room "one"', description: 'about \u00e9 things', members: ['Bob'], managers: ['carol'], ...patch });

const alice: User = { id: 'id-alice', name: 'alice', displayName: 'Alice', roles: ['user'] };
const bob: User = { id: 'id-bob', name: 'bob', displayName: 'Bob', roles: ['user'] };

/** What the read markers and attention add, in the order they add it. */
function annotate(summary: RoomSummary, readable: boolean): RoomSummary {
  summary.followed = true;
  if (readable) {
    summary.lastSeq = 12;
    summary.lastReadSeq = 3;
  }
  summary.mentions = readable ? 1 : 0;
  summary.invited = false;
  summary.notify = 'mentions';
  return summary;
}

const CORE_KEYS = ['id', 'name', 'description', 'categoryId', 'type', 'privacy', 'disabled', 'joined', 'isMember', 'canManage'];
const ANNOTATED_KEYS = ['followed', 'lastSeq', 'lastReadSeq', 'mentions', 'invited', 'notify'];

describe('toSummary', () => {
  const cases: [string, User, RoomRecord, boolean, boolean][] = [
    ['an open room', alice, room({}), true, false],
    ['a closed room the caller may not read (managers named)', alice, room({ privacy: 'closed' }), false, true],
    ['a closed room the caller is a member of', bob, room({ privacy: 'closed' }), true, false],
    ['a disabled auditorium', bob, room({ type: 'auditorium', disabled: true }), true, false],
  ];

  it.each(cases)('%s: the contract’s keys in order, annotations only once filled', (_, user, record, readable, namesManagers) => {
    const context: RoomContext = { room: record, category, addin: null };
    const core = namesManagers ? [...CORE_KEYS, 'managers'] : CORE_KEYS;
    const bare = JSON.parse(JSON.stringify(toSummary(user, context, true))) as Record<string, unknown>;
    expect(Object.keys(bare)).toEqual(core);
    expect(bare).toMatchObject({ id: record.id, name: record.name, description: record.description, joined: true, disabled: record.disabled });
    const annotated = JSON.parse(JSON.stringify(annotate(toSummary(user, context, false), readable))) as Record<string, unknown>;
    expect(Object.keys(annotated)).toEqual([...core, ...ANNOTATED_KEYS.filter((key) => readable || !key.startsWith('last'))]);
  });

  it('copies the managers it names (the record is not handed out)', () => {
    const record = room({ privacy: 'closed' });
    const summary = toSummary(alice, { room: record, category, addin: null }, false);
    expect(summary.managers).toEqual(['carol']);
    expect(summary.managers).not.toBe(record.managers);
  });
});
