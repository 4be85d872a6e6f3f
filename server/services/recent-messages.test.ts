// RecentMessages keeps what the store would answer for room:join's newest page, or lets go:
// every case where it could serve something the store no longer holds is checked against a
// store kept in step here (a list per room, read the way the repository's `latest` reads).
import { describe, expect, it } from 'vitest';
import type { Message } from '../domain';
import { DomainEventBus } from './events';
import { RecentMessages } from './recent-messages';

function message(roomId: string, seq: number, text = `message ${seq}`): Message {
  return { roomId, seq, id: `${roomId}-${seq}`, clientId: `c-${seq}`, senderId: 'u1', senderName: 'Ann', text, createdAt: '2026-12-01T00:00:00.000Z', file: null, editedAt: null, replyTo: null, reactions: [] };
}

/** A room's stored messages and the cache in front of them; `reads` counts trips to the "store". */
function setup(stored: number, maxBytes?: number) {
  const events = new DomainEventBus();
  const store = new Map<string, Message[]>([['r1', Array.from({ length: stored }, (_, i) => message('r1', i + 1))]]);
  let reads = 0;
  /** While set, a read answers what the store held when it began, once the gate opens. */
  let gate: Promise<void> | null = null;
  const recent = new RecentMessages(
    events,
    async (roomId, limit) => {
      reads += 1;
      const held = (store.get(roomId) ?? []).slice(-limit);
      if (gate) await gate;
      return held;
    },
    maxBytes,
  );
  const newest = (roomId = 'r1', limit = 31) => recent.latest(roomId, limit);
  const holdReads = () => {
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      gate = null;
      release();
    };
  };
  const send = (roomId: string, text?: string) => {
    const list = store.get(roomId) ?? [];
    const created = message(roomId, (list.at(-1)?.seq ?? 0) + 1, text);
    store.set(roomId, [...list, created]);
    events.emit('message:created', created);
    return created;
  };
  const expectStore = async (roomId = 'r1', limit = 31) => expect(await newest(roomId, limit)).toEqual((store.get(roomId) ?? []).slice(-limit));
  return { events, recent, store, newest, send, expectStore, holdReads, reads: () => reads };
}

describe('RecentMessages', () => {
  it('reads a room once, then follows its new messages and keeps only the newest', async () => {
    const t = setup(40);
    await t.expectStore();
    for (let i = 0; i < 5; i += 1) t.send('r1');
    await t.expectStore();
    await t.expectStore('r1', 10);
    expect(t.reads()).toBe(1);
  });

  it('serves any page of a room that has fewer messages than a page, even an empty one', async () => {
    const t = setup(0);
    await t.expectStore();
    t.send('r1');
    t.send('r1');
    await t.expectStore('r1', 50);
    expect(t.reads()).toBe(1);
  });

  it('reads again for a longer page than it holds (defaultChatHistory raised)', async () => {
    const t = setup(100);
    await t.expectStore('r1', 31);
    await t.expectStore('r1', 51);
    expect(t.reads()).toBe(2);
  });

  it('does not keep a read that a new message overlapped', async () => {
    const t = setup(40);
    // The read sees the store before the send; the send's event lands while it is in flight.
    const release = t.holdReads();
    const pending = t.newest();
    t.send('r1');
    release();
    expect((await pending).at(-1)?.seq).toBe(40);
    await t.expectStore();
    expect(t.store.get('r1')!.at(-1)?.seq).toBe(41);
  });

  it('lets go at a gap in the seqs, a removal or a deleted room', async () => {
    const t = setup(40);
    await t.expectStore();
    // A message stored without its event reaching this cache: the next one shows the gap.
    t.store.get('r1')!.push(message('r1', 41));
    t.send('r1');
    await t.expectStore();
    expect(t.reads()).toBe(2);

    t.store.set('r1', t.store.get('r1')!.filter((m) => m.seq !== 41));
    t.events.emit('messages:removed', 'r1', [41]);
    await t.expectStore();
    expect(t.reads()).toBe(3);

    t.store.delete('r1');
    t.events.emit('room:deleted', 'r1', undefined);
    await t.expectStore();
    expect(t.reads()).toBe(4);
  });

  it('takes an edit or a reaction of a message it holds, and ignores one older than what it holds', async () => {
    const t = setup(40);
    await t.expectStore();
    const list = t.store.get('r1')!;
    const edited = { ...list[35]!, text: 'edited', editedAt: '2026-12-01T01:00:00.000Z', reactions: [{ emoji: '👍', userIds: ['u2'] }] };
    list[35] = edited;
    t.events.emit('message:updated', edited);
    const old = { ...list[2]!, text: 'edited long ago' };
    list[2] = old;
    t.events.emit('message:updated', old);
    await t.expectStore();
    expect(t.reads()).toBe(1);
  });

  it('keeps within its byte budget by letting go of the rooms opened longest ago', async () => {
    const t = setup(0, 40_000);
    for (const roomId of ['a', 'b', 'c']) t.store.set(roomId, Array.from({ length: 31 }, (_, i) => message(roomId, i + 1, 'x'.repeat(400))));
    await t.newest('a');
    await t.newest('b');
    await t.newest('a');
    await t.newest('c');
    expect(t.recent.size.bytes).toBeLessThanOrEqual(40_000);
    expect(t.recent.size.rooms).toBe(1);
    const reads = t.reads();
    await t.expectStore('c');
    expect(t.reads()).toBe(reads);
    await t.expectStore('b');
    expect(t.reads()).toBe(reads + 1);
  });

  it('warms rooms one at a time until half its budget is used, or until told to stop', async () => {
    const t = setup(0, 100_000);
    const rooms = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const roomId of rooms) t.store.set(roomId, Array.from({ length: 31 }, (_, i) => message(roomId, i + 1, 'x'.repeat(400))));
    await t.recent.warm(rooms, 31, () => false);
    // About 21.8 kB a room: three rooms reach half of 100 kB.
    expect(t.recent.size.rooms).toBe(3);
    expect(t.reads()).toBe(3);
    // Joins of the warmed rooms read nothing more.
    await t.expectStore('a');
    await t.expectStore('c');
    expect(t.reads()).toBe(3);

    const stopped = setup(0);
    for (const roomId of rooms) stopped.store.set(roomId, [message(roomId, 1)]);
    await stopped.recent.warm(rooms, 31, () => stopped.reads() >= 2);
    expect(stopped.recent.size.rooms).toBe(2);
  });
});
