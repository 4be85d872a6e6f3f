import { describe, expect, it } from 'vitest';
import type { RoomSummary } from '../../common/protocol';
import { matchRooms } from '../components/jump-to-room-dialog';
import { groupRooms } from '../store/selectors';
import { titleWithMentions } from './use-attention-title';

function summary(id: string, name: string, overrides: Partial<RoomSummary> = {}): RoomSummary {
  return { id, name, description: '', categoryId: 'c1', type: 'normal', privacy: 'open', disabled: false, joined: false, isMember: false, canManage: false, ...overrides };
}

describe('tab title', () => {
  it('carries the total of mentions, and nothing when there is none', () => {
    expect(titleWithMentions('pchat', 0)).toBe('pchat');
    expect(titleWithMentions('pchat', 3)).toBe('(3) pchat');
  });
});

describe('Jump to room matches', () => {
  const rooms = [summary('1', 'Trading floor'), summary('2', 'FX trading'), summary('3', 'Rates'), summary('4', 'Tradeshow', { disabled: true })];
  it('puts names starting with the text first, then names containing it; never disabled rooms', () => {
    expect(matchRooms(rooms, 'trad').map((room) => room.name)).toEqual(['Trading floor', 'FX trading']);
    expect(matchRooms(rooms, '  RATES ').map((room) => room.name)).toEqual(['Rates']);
    expect(matchRooms(rooms, 'zzz')).toEqual([]);
  });
});

describe('room list order (issue 11: live-added rooms were not sorted)', () => {
  it('sorts categories and rooms by name, numbers in numeric order; unknown categories last', () => {
    const categories = [
      { id: 'c2', name: 'Zeta', description: '', invitations: true, fileUpload: true, chatHistory: true, messageEdits: true },
      { id: 'c1', name: 'alpha', description: '', invitations: true, fileUpload: true, chatHistory: true, messageEdits: true },
    ];
    const rooms = [summary('a', 'Room 10'), summary('b', 'room 2'), summary('c', 'Beta', { categoryId: 'c2' }), summary('d', 'Lost', { categoryId: 'gone' })];
    const groups = groupRooms(rooms, categories);
    expect(groups.map((group) => group.name)).toEqual(['alpha', 'Zeta', null]);
    expect(groups[0]?.rooms.map((room) => room.name)).toEqual(['room 2', 'Room 10']);
  });
});
