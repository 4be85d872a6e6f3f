// toListedSummary (rooms:list's summary, made in its final shape) says on the wire exactly what
// toSummary plus the annotations said, key for key and in the same order.
import { describe, expect, it } from 'vitest';
import type { RoomSummary, User } from '../domain';
import type { CategoryRecord, RoomRecord } from '../storage/repositories';
import { type RoomContext, toListedSummary, toSummary } from './room-views';

const category: CategoryRecord = {
  id: 'cat',
  name: 'Cat',
  description: '',
  invitations: true,
  fileUpload: true,
  chatHistory: true,
  messageEdits: true,
  allowedMembers: ['*'],
  deniedMembers: [],
  creators: [],
};

const room = (patch: Partial<RoomRecord>): RoomRecord => ({
  id: 'r1',
  name: 'Room "one"',
  categoryId: 'cat',
  description: 'about \u00e9 things',
  type: 'normal',
  privacy: 'open',
  disabled: false,
  addinId: null,
  invitations: false,
  createdBy: null,
  members: ['Bob'],
  managers: ['carol'],
  presenters: [],
  ...patch,
});

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

describe('toListedSummary', () => {
  const cases: [string, User, RoomRecord, boolean][] = [
    ['an open room', alice, room({}), true],
    ['a closed room the caller may not read (managers named)', alice, room({ privacy: 'closed' }), false],
    ['a closed room the caller is a member of', bob, room({ privacy: 'closed' }), true],
    ['a disabled auditorium', bob, room({ type: 'auditorium', disabled: true }), true],
  ];

  it.each(cases)('%s: the same JSON as toSummary, bare and annotated', (_, user, record, readable) => {
    const context: RoomContext = { room: record, category, addin: null };
    expect(JSON.stringify(toListedSummary(user, context, true))).toBe(JSON.stringify(toSummary(user, context, true)));
    const before = JSON.stringify(annotate(toSummary(user, context, false), readable));
    expect(JSON.stringify(annotate(toListedSummary(user, context, false), readable))).toBe(before);
  });

  it('copies the managers it names (the record is not handed out)', () => {
    const record = room({ privacy: 'closed' });
    const summary = toListedSummary(alice, { room: record, category, addin: null }, false);
    expect(summary.managers).toEqual(['carol']);
    expect(summary.managers).not.toBe(record.managers);
  });
});
