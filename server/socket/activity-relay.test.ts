import { describe, expect, it } from 'vitest';
import { ActivityRelay, MAX_RELAYED, type UserActivity } from './activity-relay';

const activity = (n: number): UserActivity => [[`user-${n}`], { roomId: 'room', lastSeq: n, lastReadSeq: n }, null];

describe('ActivityRelay', () => {
  it('sends what one turn announced as one batch, in order, and the next turn apart', async () => {
    const sent: UserActivity[][] = [];
    const relay = new ActivityRelay((batch) => sent.push(batch));
    relay.add(activity(1));
    relay.add(activity(2));
    expect(sent).toEqual([]);
    await Promise.resolve();
    expect(sent).toEqual([[activity(1), activity(2)]]);
    await new Promise((resolve) => setImmediate(resolve));
    relay.add(activity(3));
    await Promise.resolve();
    expect(sent).toEqual([[activity(1), activity(2)], [activity(3)]]);
  });

  it(`splits a large turn into messages of at most ${MAX_RELAYED}`, async () => {
    const sent: UserActivity[][] = [];
    const relay = new ActivityRelay((batch) => sent.push(batch));
    const total = MAX_RELAYED * 2 + 5;
    for (let n = 0; n < total; n += 1) relay.add(activity(n));
    await Promise.resolve();
    expect(sent.map((batch) => batch.length)).toEqual([MAX_RELAYED, MAX_RELAYED, 5]);
    expect(sent.flat().map(([, payload]) => payload.lastSeq)).toEqual(Array.from({ length: total }, (_, n) => n));
  });
});
