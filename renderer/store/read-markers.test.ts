import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoomSummary } from '../../common/protocol';
import { alice, message } from '../test-support/fixtures';
import { createChatStore } from './chat-store';
import { ReadMarkers, unreadCount } from './read-markers';
import type { Requester } from './requester';

function summary(overrides: Partial<RoomSummary> = {}): RoomSummary {
  return {
    id: 'r1',
    name: 'Lobby',
    description: '',
    categoryId: 'c1',
    type: 'normal',
    privacy: 'open',
    disabled: false,
    joined: false,
    isMember: false,
    canManage: false,
    ...overrides,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(rooms: RoomSummary[], focused = true, activeRoomId: string | null = null) {
  const store = createChatStore();
  store.setState({ rooms, user: alice, activeRoomId });
  const sent: { event: string; body: unknown }[] = [];
  const request = ((event, body) => {
    sent.push({ event, body });
    if (event === 'room:read') return Promise.resolve({ ok: true, lastReadSeq: (body as { seq: number }).seq });
    if (event === 'messages:since') return Promise.resolve({ ok: true, messages: [message(4, { text: 'hey @alice' })], hasMore: false });
    return Promise.resolve({ ok: true });
  }) as Requester;
  const reads = new ReadMarkers(store, request, { isFocused: () => focused });
  const room = (id = 'r1') => store.getState().rooms.find((r) => r.id === id)!;
  return { store, reads, sent, room };
}

describe('unread counts', () => {
  it('count rooms followed, joined or read before that carry a lastSeq (issue 11)', () => {
    expect(unreadCount(summary({ followed: true, lastSeq: 5, lastReadSeq: 2 }))).toBe(3);
    expect(unreadCount(summary({ followed: false, lastSeq: 5, lastReadSeq: 2 }))).toBe(3);
    expect(unreadCount(summary({ followed: false, joined: true, lastSeq: 5, lastReadSeq: 0 }))).toBe(5);
    expect(unreadCount(summary({ followed: false, joined: false, lastSeq: 5, lastReadSeq: 0 }))).toBe(0);
    expect(unreadCount(summary({ followed: true }))).toBe(0);
  });

  it('room:activity raises the count of a room that is not open and fetches nothing', async () => {
    const h = setup([summary({ followed: true, lastSeq: 3, lastReadSeq: 3 })]);
    h.reads.activity({ roomId: 'r1', lastSeq: 4 });
    expect(unreadCount(h.room())).toBe(1);
    await flush();
    expect(h.sent).toEqual([]);
  });

  it('a mention counts unless the user is reading the room; reading to the end clears it', async () => {
    const h = setup([summary({ followed: false, lastSeq: 3, lastReadSeq: 3 }), summary({ id: 'r2', lastSeq: 1, lastReadSeq: 1 })], true, 'r2');
    expect(h.reads.mentioned(message(4, { text: '@alice look' }))).toBe(true);
    expect(h.room()).toMatchObject({ mentions: 1, lastSeq: 4 });
    expect(unreadCount(h.room())).toBe(1);
    // Already read: not counted again.
    expect(h.reads.mentioned(message(2, { text: '@alice old' }))).toBe(false);
    expect(h.reads.mentioned(message(2, { roomId: 'r2', text: '@alice here' }))).toBe(false);
    h.reads.markRead('r1', 4);
    expect(h.room().mentions).toBe(0);
    await flush();
  });

  it('the sender’s own activity arrives read and fetches nothing', async () => {
    const h = setup([summary({ followed: true, lastSeq: 3, lastReadSeq: 3 })]);
    h.reads.activity({ roomId: 'r1', lastSeq: 4, lastReadSeq: 4 });
    await flush();
    expect(unreadCount(h.room())).toBe(0);
    expect(h.sent).toEqual([]);
  });

  it('messages in the open, focused room are marked read; markers never go back', async () => {
    const h = setup([summary({ followed: true, lastSeq: 3, lastReadSeq: 1 })], true, 'r1');
    h.reads.received('r1', [message(4), message(5)]);
    await flush();
    expect(h.sent).toEqual([{ event: 'room:read', body: { roomId: 'r1', seq: 5 } }]);
    expect(h.room().lastReadSeq).toBe(5);
    h.reads.markRead('r1', 2);
    h.reads.flush();
    await flush();
    expect(h.sent).toHaveLength(1);
    expect(h.room().lastReadSeq).toBe(5);
  });

  it('an unfocused window keeps the count of the open room', async () => {
    const h = setup([summary({ followed: false, lastSeq: 3, lastReadSeq: 3 })], false, 'r1');
    h.reads.received('r1', [message(4, { text: '@Alice Martin look' }), message(5, { senderId: alice.id, text: '@alice self' })]);
    await flush();
    expect(h.sent).toEqual([]);
    expect(h.room()).toMatchObject({ lastSeq: 5, lastReadSeq: 5 });
  });

  it('rooms without a count (history off, not readable) stay without one', async () => {
    const h = setup([summary({ followed: true })], true, 'r1');
    h.reads.received('r1', [message(1)]);
    h.reads.joined('r1');
    await flush();
    expect(h.room().lastSeq).toBeUndefined();
    expect(h.sent).toEqual([]);
  });

  it('follow asks the server and keeps its answer', async () => {
    const h = setup([summary()]);
    expect(await h.reads.follow('r1', true)).toBe(true);
    expect(h.sent).toEqual([{ event: 'room:follow', body: { roomId: 'r1', follow: true } }]);
    expect(h.room().followed).toBe(true);
  });
});

describe('coalesced read markers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const reads = (h: ReturnType<typeof setup>) => h.sent.filter((entry) => entry.event === 'room:read').map((entry) => entry.body);
  const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

  it('send at most one room:read per room every 2 s, carrying the highest seq, while the count drops at once', async () => {
    const h = setup([summary({ followed: true, lastSeq: 10, lastReadSeq: 10 })], true, 'r1');
    // 50 messages/s for 3 s into the open, focused room.
    for (let seq = 11; seq <= 160; seq += 1) {
      h.reads.received('r1', [message(seq)]);
      expect(unreadCount(h.room())).toBe(0);
      await tick(20);
    }
    // The first arrival after a quiet spell goes at once, then one per 2 s window.
    expect(reads(h)).toEqual([
      { roomId: 'r1', seq: 11 },
      { roomId: 'r1', seq: 110 },
    ]);
    await tick(2_000);
    expect(reads(h)).toEqual([
      { roomId: 'r1', seq: 11 },
      { roomId: 'r1', seq: 110 },
      { roomId: 'r1', seq: 160 },
    ]);
    // Nothing waits any more: no further sends however long we wait.
    await tick(10_000);
    expect(reads(h)).toHaveLength(3);
  });

  it('keep one queue per room: a busy room does not hold back another one', async () => {
    const h = setup([summary({ followed: true, lastSeq: 1, lastReadSeq: 1 }), summary({ id: 'r2', followed: true, lastSeq: 1, lastReadSeq: 1 })], true, 'r1');
    h.reads.received('r1', [message(2)]);
    h.reads.markRead('r2', 5);
    await tick(0);
    expect(reads(h)).toEqual([
      { roomId: 'r1', seq: 2 },
      { roomId: 'r2', seq: 5 },
    ]);
  });

  it('opening a room sends at once, even right after a marker for it went out', async () => {
    const h = setup([summary({ followed: true, lastSeq: 3, lastReadSeq: 1 })], true, 'r1');
    h.reads.received('r1', [message(4)]);
    await tick(100);
    h.store.setState((s) => ({ rooms: s.rooms.map((r) => ({ ...r, lastSeq: 9 })) }));
    h.reads.joined('r1');
    await tick(0);
    expect(reads(h)).toEqual([
      { roomId: 'r1', seq: 4 },
      { roomId: 'r1', seq: 9 },
    ]);
    expect(unreadCount(h.room())).toBe(0);
  });

  it('flush sends what waits now (blur, page hidden, room left) and nothing is sent twice', async () => {
    const h = setup([summary({ followed: true, lastSeq: 3, lastReadSeq: 3 })], true, 'r1');
    h.reads.received('r1', [message(4)]);
    h.reads.received('r1', [message(5)]);
    h.reads.received('r1', [message(6)]);
    await tick(500);
    expect(reads(h)).toEqual([{ roomId: 'r1', seq: 4 }]);
    h.reads.flush('r1');
    await tick(0);
    expect(reads(h)).toEqual([
      { roomId: 'r1', seq: 4 },
      { roomId: 'r1', seq: 6 },
    ]);
    await tick(5_000);
    expect(reads(h)).toHaveLength(2);
  });

  it('an unfocused window sends nothing; focus reads the open room, coalesced like the rest', async () => {
    let focused = false;
    const store = createChatStore();
    store.setState({ rooms: [summary({ followed: true, lastSeq: 3, lastReadSeq: 3 })], user: alice, activeRoomId: 'r1' });
    const sent: unknown[] = [];
    const request = ((event, body) => {
      sent.push({ event, body });
      return Promise.resolve({ ok: true, lastReadSeq: (body as { seq: number }).seq });
    }) as Requester;
    const markers = new ReadMarkers(store, request, { isFocused: () => focused });
    markers.received('r1', [message(4), message(5)]);
    await tick(3_000);
    expect(sent).toEqual([]);
    expect(unreadCount(store.getState().rooms[0]!)).toBe(2);
    focused = true;
    markers.focused();
    await tick(0);
    expect(sent).toEqual([{ event: 'room:read', body: { roomId: 'r1', seq: 5 } }]);
    expect(unreadCount(store.getState().rooms[0]!)).toBe(0);
  });

  it('a read on another device (room:activity with a higher lastReadSeq) lowers the count; a lower one never raises it', async () => {
    const h = setup([summary({ followed: true, lastSeq: 8, lastReadSeq: 2 })]);
    h.reads.activity({ roomId: 'r1', lastSeq: 8, lastReadSeq: 7 });
    expect(unreadCount(h.room())).toBe(1);
    h.reads.activity({ roomId: 'r1', lastSeq: 8, lastReadSeq: 4 });
    expect(unreadCount(h.room())).toBe(1);
    await tick(0);
    // Nothing to fetch: no new message came with it.
    expect(h.sent).toEqual([]);
  });

  it('reset forgets what waits without sending it', async () => {
    const h = setup([summary({ followed: true, lastSeq: 3, lastReadSeq: 3 })], true, 'r1');
    h.reads.received('r1', [message(4)]);
    h.reads.received('r1', [message(5)]);
    h.reads.reset();
    await tick(5_000);
    expect(reads(h)).toEqual([{ roomId: 'r1', seq: 4 }]);
  });
});
