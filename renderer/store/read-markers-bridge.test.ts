// Read markers through the whole client: live messages in the open room, switching rooms, the
// timeline they land in.
import { describe, expect, it } from 'vitest';
import { message, messages, room, roster } from '../test-support/fixtures';
import { connectedHarness, settle } from '../test-support/chat-harness';
import { unreadCount } from './read-markers';

async function twoFollowedRooms() {
  const h = await connectedHarness({ rooms: [room(), room({ id: 'r2', name: 'Other' })], isFocused: () => true });
  h.store.setState((s) => ({ rooms: s.rooms.map((r) => ({ ...r, followed: true, lastSeq: 20, lastReadSeq: 10 })) }));
  h.socket.answer('room:join', ({ roomId }) => ({
    ok: true,
    room: room(roomId === 'r2' ? { id: 'r2', name: 'Other' } : {}),
    messages: messages(11, 20, roomId),
    hasMore: true,
    roster: roster({ roomId }),
  }));
  h.socket.answer('room:read', ({ seq }) => ({ ok: true, lastReadSeq: seq }));
  return h;
}

describe('read markers in the client', () => {
  it('opening sends at once; a stream of arrivals sends no marker per message; leaving sends what waits', async () => {
    const h = await twoFollowedRooms();
    await h.client.openRoom('r1');
    expect(h.socket.sentOf('room:read')).toEqual([{ roomId: 'r1', seq: 20 }]);
    for (let seq = 21; seq <= 40; seq += 1) h.socket.push('message:new', { message: message(seq) });
    await settle();
    // All 20 shown, in order, once; the count stays at zero; the server heard nothing yet
    // (the marker for the open room went out less than 2 s ago).
    expect(h.store.getState().timelines.r1?.messages.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 11 + i));
    expect(unreadCount(h.store.getState().rooms[0]!)).toBe(0);
    expect(h.socket.sentOf('room:read')).toHaveLength(1);

    await h.client.openRoom('r2');
    await settle();
    const order = h.socket.sent.map((entry) => `${entry.event} ${JSON.stringify(entry.body)}`).filter((line) => /room:(read|leave)/.test(line));
    expect(order).toEqual([
      'room:read {"roomId":"r1","seq":20}',
      'room:read {"roomId":"r1","seq":40}',
      'room:leave {"roomId":"r1"}',
      'room:read {"roomId":"r2","seq":20}',
    ]);
  });

  it('a catch-up that repeats and reorders messages still shows each seq once, in order', async () => {
    const h = await twoFollowedRooms();
    await h.client.openRoom('r1');
    h.socket.push('message:new', { message: message(22) });
    h.socket.push('message:new', { message: message(21) });
    h.socket.push('message:new', { message: message(22) });
    h.socket.push('message:new', { message: message(23) });
    await settle();
    expect(h.store.getState().timelines.r1?.messages.map((m) => m.seq)).toEqual(Array.from({ length: 13 }, (_, i) => 11 + i));
  });
});
