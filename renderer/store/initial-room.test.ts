// Which room opens after sign-in: a permalink, else the device's last room, else the server's
// lastRoomId (any device), else none — through the real ChatClient over a scripted socket.
import { describe, expect, it } from 'vitest';
import { category, messages, room, roster, sessionPayload } from '../test-support/fixtures';
import { createHarness, settle } from '../test-support/chat-harness';
import { initialRoom } from './initial-room';
import { summaryOf } from './rooms-slice';

const rooms = [room({ id: 'r1', name: 'One' }), room({ id: 'r2', name: 'Two' }), room({ id: 'off', name: 'Off', disabled: true })];

/** Signs in from a stored token with the device's and the server's last rooms as given. */
async function signedIn(device: string | null, server: string | null | undefined, permalink?: string) {
  const h = createHarness({ rooms });
  h.platform.settings.lastRoomId = device;
  await h.client.start();
  if (permalink) h.platform.openPermalink(permalink);
  h.socket.answer('rooms:list', () => ({ ok: true, rooms: rooms.map(summaryOf), categories: [category], ...(server === undefined ? {} : { lastRoomId: server }) }));
  h.socket.answer('room:join', ({ roomId }) => ({ ok: true, room: rooms.find((r) => r.id === roomId)!, messages: messages(1, 3, roomId), hasMore: false, roster: roster({ roomId }) }));
  h.socket.push('session', sessionPayload);
  h.socket.connect();
  await settle();
  await settle();
  const joins = h.socket.sent.filter((s) => s.event === 'room:join').map((s) => (s.body as { roomId: string }).roomId);
  return { h, joins, active: h.store.getState().activeRoomId };
}

describe('initialRoom', () => {
  const list = rooms.map(summaryOf);
  it('prefers the device, then the server, and only rooms still listed and enabled', () => {
    expect(initialRoom(list, 'r1', 'r2')).toBe('r1');
    expect(initialRoom(list, null, 'r2')).toBe('r2');
    expect(initialRoom(list, 'gone', 'r2')).toBe('r2');
    expect(initialRoom(list, 'off', 'r2')).toBe('r2');
    expect(initialRoom(list, null, 'off')).toBeNull();
    expect(initialRoom(list, null, 'gone')).toBeNull();
    expect(initialRoom(list, null, null)).toBeNull();
  });
});

describe('after sign-in', () => {
  it('a fresh device opens the room the server remembers, and remembers it itself', async () => {
    const { h, joins, active } = await signedIn(null, 'r2');
    expect(active).toBe('r2');
    expect(joins).toEqual(['r2']);
    expect(h.platform.settings.lastRoomId).toBe('r2');
  });

  it("the device's own last room wins over the server's", async () => {
    const { joins, active } = await signedIn('r1', 'r2');
    expect(active).toBe('r1');
    expect(joins).toEqual(['r1']);
  });

  it("a device room no longer listed falls back to the server's", async () => {
    expect((await signedIn('gone', 'r2')).active).toBe('r2');
  });

  it('nothing opens when neither knows a room (or the server says nothing)', async () => {
    for (const server of [null, undefined, 'off']) {
      const { joins, active } = await signedIn(null, server);
      expect(active).toBeNull();
      expect(joins).toEqual([]);
    }
  });

  it('a permalink in the URL still wins', async () => {
    const { h, active } = await signedIn('r1', 'r2', '/r/r2/2');
    expect(active).toBe('r2');
    expect(h.store.getState().target).toEqual({ roomId: 'r2', seq: 2 });
    const other = await signedIn(null, 'r2', '/r/r1/2');
    expect(other.active).toBe('r1');
  });
});
