import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createRoom, http } from './helpers/http-client';
import { type ClientSocket, ok, record, request, waitFor } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('chat history off and disabled rooms', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
  });
  afterAll(() => world.close());

  it('a category without history gives an empty join, history_disabled, and nothing in search', async () => {
    const category = await createCategory(world.url, world.adminToken, { name: 'Ephemeral', chatHistory: false });
    const room = await createRoom(world.url, world.adminToken, { name: 'Vapour', categoryId: category.id, privacy: 'open' });
    const heard = record(bob, 'message:new');
    await ok(bob, 'room:join', { roomId: room.id });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'v1', text: 'zebra crossing' });
    await waitFor(() => heard.length === 1, 'live delivery still works');

    const join = await ok(alice, 'room:join', { roomId: room.id });
    expect(join.messages).toEqual([]);
    expect(join.hasMore).toBe(false);
    expect(join.room.chatHistory).toBe(false);
    expect(await request(alice, 'room:history', { roomId: room.id, beforeSeq: 5, limit: 10 })).toMatchObject({ ok: false, error: { code: 'history_disabled' } });
    expect(await request(alice, 'messages:since', { roomId: room.id, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'history_disabled' } });
    expect((await ok(alice, 'search', { query: 'zebra' })).hits).toEqual([]);
    expect((await ok(alice, 'search', { query: 'zebra', roomId: room.id })).hits).toEqual([]);

    // Turning history on again makes the stored messages readable.
    await http(world.url, 'PATCH', `/api/admin/categories/${category.id}`, { token: world.adminToken, body: { chatHistory: true } });
    expect((await ok(alice, 'room:join', { roomId: room.id })).messages.map((m) => m.text)).toEqual(['zebra crossing']);
    expect((await ok(alice, 'search', { query: 'zebra' })).hits.map((h) => h.roomName)).toEqual(['Vapour']);
  });

  it('disabling a room drops joined members at once and refuses join and send', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Switchable', categoryId: world.category.id, privacy: 'open' });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'd1', text: 'quokka sighting' });
    await ok(bob, 'room:join', { roomId: room.id });
    const removed = record(bob, 'room:removed');
    const updated = record(alice, 'room:updated');

    const off = await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.adminToken, body: { disabled: true } });
    expect(off.body.disabled).toBe(true);
    await waitFor(() => removed.length === 1, 'room:removed for the joined member');
    await waitFor(() => updated.length === 1, 'room:updated for the others');
    expect(updated[0]!.room).toMatchObject({ disabled: true, canPost: false });
    const heard = record(bob, 'message:new');

    expect(await request(bob, 'room:join', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'room_disabled' } });
    expect(await request(alice, 'message:send', { roomId: room.id, clientId: 'd2', text: 'anyone?' })).toMatchObject({ ok: false, error: { code: 'room_disabled' } });
    const { socket: admin } = await connectAs(world, { token: world.adminToken });
    expect(await request(admin, 'room:join', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'room_disabled' } });
    expect((await ok(alice, 'search', { query: 'quokka' })).hits).toEqual([]);
    expect((await ok(alice, 'rooms:list', {})).rooms.find((r) => r.id === room.id)).toMatchObject({ disabled: true });

    await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.adminToken, body: { disabled: false } });
    await ok(bob, 'room:join', { roomId: room.id });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'd3', text: 'back again' });
    await waitFor(() => heard.length === 1, 'delivery after re-enabling');
    expect((await ok(alice, 'search', { query: 'quokka' })).hits).toHaveLength(1);
  });
});
