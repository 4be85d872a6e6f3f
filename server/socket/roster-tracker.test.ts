import { describe, expect, it } from 'vitest';
import { RosterTracker } from './roster-tracker';

const person = (n: number) => ({ userId: `u${n}`, displayName: `User ${n}` });

describe('RosterTracker', () => {
  it('counts distinct users, not sockets', () => {
    const t = new RosterTracker();
    expect(t.add('r', 's1', person(1))).toBe(true);
    expect(t.add('r', 's2', person(1))).toBe(false);
    expect(t.snapshot('r', 10)).toMatchObject({ count: 1, truncated: false });
    expect(t.remove('r', 's1', 'u1')).toBe(false);
    expect(t.remove('r', 's2', 'u1')).toBe(true);
    expect(t.snapshot('r', 10)).toEqual({ roomId: 'r', count: 0, truncated: false, participants: [] });
  });

  it('sends one truncated marker above the limit, then nothing until it falls back', () => {
    const t = new RosterTracker();
    const updates: unknown[] = [];
    for (let i = 1; i <= 4; i++) {
      t.add('r', `s${i}`, person(i));
      updates.push(t.updateAfterChange('r', 2));
    }
    expect(updates[1]).toMatchObject({ count: 2, truncated: false });
    expect(updates[2]).toEqual({ roomId: 'r', count: 3, truncated: true, participants: null });
    expect(updates[3]).toBeNull();
    t.remove('r', 's4', 'u4');
    expect(t.updateAfterChange('r', 2)).toBeNull();
    t.remove('r', 's3', 'u3');
    expect(t.updateAfterChange('r', 2)).toMatchObject({ count: 2, truncated: false, participants: [person(1), person(2)] });
  });

  it('re-evaluates every room when the limit changes', () => {
    const t = new RosterTracker();
    for (let i = 1; i <= 3; i++) t.add('big', `s${i}`, person(i));
    t.add('small', 'x', person(9));
    expect(t.updateAfterChange('big', 5)?.truncated).toBe(false);
    const lowered = t.reevaluate(2);
    expect(lowered).toContainEqual({ roomId: 'big', count: 3, truncated: true, participants: null });
    expect(lowered.find((r) => r.roomId === 'small')?.truncated).toBe(false);
    // Still above: no second marker.
    expect(t.reevaluate(2).find((r) => r.roomId === 'big')).toBeUndefined();
    expect(t.reevaluate(10).find((r) => r.roomId === 'big')).toMatchObject({ truncated: false, count: 3 });
  });
});

describe('RosterTracker across servers', () => {
  it('counts the union of this server and what the others report', () => {
    const t = new RosterTracker();
    t.add('r', 's1', person(1));
    expect(t.updateAfterChange('r', 10)).toMatchObject({ count: 1 });
    t.setRemote('r', 'other', [person(1), person(2)]);
    expect(t.updateAfterChange('r', 10)).toMatchObject({ count: 2, participants: [person(1), person(2)] });
    // Same set reported again: nothing new to tell.
    t.setRemote('r', 'other', [person(2), person(1)]);
    expect(t.updateAfterChange('r', 10)).toBeNull();
    expect(t.localParticipants('r')).toEqual([person(1)]);
    expect(t.dropServer('other')).toEqual(['r']);
    expect(t.updateAfterChange('r', 10)).toMatchObject({ count: 1 });
  });

  it('counts a room above the limit by distinct users, whoever reports them', () => {
    const t = new RosterTracker();
    t.add('r', 's1', person(1));
    t.add('r', 's2', person(1)); // a second window of the same user
    t.setRemote('r', 'a', [person(1), person(2), person(3)]);
    t.setRemote('r', 'b', [person(3), person(4)]);
    expect(t.snapshot('r', 3)).toEqual({ roomId: 'r', count: 4, truncated: true, participants: null });
    expect(t.snapshot('r', 4)).toMatchObject({ count: 4, truncated: false, participants: [1, 2, 3, 4].map(person) });
    expect(t.snapshot('nobody', 3)).toEqual({ roomId: 'nobody', count: 0, truncated: false, participants: [] });
  });

  it('applies the limit to the union', () => {
    const t = new RosterTracker();
    t.add('r', 's1', person(1));
    t.updateAfterChange('r', 2);
    t.setRemote('r', 'a', [person(2)]);
    t.setRemote('r', 'b', [person(3)]);
    expect(t.updateAfterChange('r', 2)).toEqual({ roomId: 'r', count: 3, truncated: true, participants: null });
    t.setRemote('r', 'c', [person(4)]);
    expect(t.updateAfterChange('r', 2)).toBeNull();
  });
});

describe('RosterTracker expiry', () => {
  it('forgets a server that stopped reporting, and keeps one that renews', () => {
    const t = new RosterTracker();
    t.setRemote('r', 'dead', [person(1)], 1000);
    t.setRemote('r', 'alive', [person(2)], 1000);
    t.updateAfterChange('r', 10);
    t.setRemote('r', 'alive', [person(2)], 20_000);
    expect(t.expireRemote(10_000)).toEqual(['r']);
    expect(t.updateAfterChange('r', 10)).toMatchObject({ count: 1, participants: [person(2)] });
    expect(t.expireRemote(10_000)).toEqual([]);
  });
});
