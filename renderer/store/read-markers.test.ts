import { describe, expect, it } from 'vitest';
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
  const notified: { title: string; body: string }[] = [];
  const request = ((event, body) => {
    sent.push({ event, body });
    if (event === 'room:read') return Promise.resolve({ ok: true, lastReadSeq: (body as { seq: number }).seq });
    if (event === 'messages:since') return Promise.resolve({ ok: true, messages: [message(4, { text: 'hey @alice' })], hasMore: false });
    return Promise.resolve({ ok: true });
  }) as Requester;
  const reads = new ReadMarkers(store, request, { isFocused: () => focused, notify: (title, body) => notified.push({ title, body }) });
  const room = (id = 'r1') => store.getState().rooms.find((r) => r.id === id)!;
  return { store, reads, sent, notified, room };
}

describe('unread counts', () => {
  it('count only followed rooms that carry a lastSeq', () => {
    expect(unreadCount(summary({ followed: true, lastSeq: 5, lastReadSeq: 2 }))).toBe(3);
    expect(unreadCount(summary({ followed: false, lastSeq: 5, lastReadSeq: 2 }))).toBe(0);
    expect(unreadCount(summary({ followed: true }))).toBe(0);
  });

  it('room:activity raises the count of a room that is not open and looks for mentions in it', async () => {
    const h = setup([summary({ followed: true, lastSeq: 3, lastReadSeq: 3 })]);
    h.reads.activity({ roomId: 'r1', lastSeq: 4 });
    expect(unreadCount(h.room())).toBe(1);
    await flush();
    expect(h.sent).toEqual([{ event: 'messages:since', body: { roomId: 'r1', afterSeq: 3 } }]);
    expect(h.notified).toEqual([{ title: 'Bob Stone · Lobby', body: 'hey @alice' }]);
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
    await h.reads.markRead('r1', 2);
    expect(h.sent).toHaveLength(1);
  });

  it('an unfocused window keeps the count and notifies mentions of the open room', async () => {
    const h = setup([summary({ followed: false, lastSeq: 3, lastReadSeq: 3 })], false, 'r1');
    h.reads.received('r1', [message(4, { text: '@Alice Martin look' }), message(5, { senderId: alice.id, text: '@alice self' })]);
    await flush();
    expect(h.sent).toEqual([]);
    expect(h.room()).toMatchObject({ lastSeq: 5, lastReadSeq: 5 });
    expect(h.notified).toEqual([{ title: 'Bob Stone · Lobby', body: '@Alice Martin look' }]);
    h.reads.received('r1', [message(6, { text: 'no mention' })]);
    expect(h.notified).toHaveLength(1);
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
