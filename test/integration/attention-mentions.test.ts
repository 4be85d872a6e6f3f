// PROTOCOL §12 mentions over real sockets: mention:new to every socket of a mentioned reader
// (followed or not, joined or not), never to the sender, not for rooms without history; the
// mention count of rooms:list, which reading clears. Runs on SQLite, and on PostgreSQL with
// PCHAT_TEST_POSTGRES_URL set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionNew, RoomSummary } from '../../common/protocol';
import { createCategory, createRoom, createUser, http, signIn } from './helpers/http-client';
import { type ClientSocket, connect, ok, record, request, settle, waitFor } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('mentions (§12)', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let bobElsewhere: ClientSocket;
  let carol: ClientSocket;
  let dana: { token: string; id: string };

  const summary = async (socket: ClientSocket, roomId: string): Promise<RoomSummary | undefined> =>
    (await ok(socket, 'rooms:list', {})).rooms.find((r) => r.id === roomId);
  const inRoom = (heard: MentionNew[], roomId: string) => heard.filter((m) => m.message.roomId === roomId);
  const send = async (socket: ClientSocket, roomId: string, text: string) =>
    (await ok(socket, 'message:send', { roomId, clientId: `${Math.random()}`, text })).message;

  beforeAll(async () => {
    world = await makeWorld();
    const carolUser = await createUser(world.url, world.adminToken, 'carol');
    const created = await http(world.url, 'POST', '/api/admin/users', {
      token: world.adminToken,
      body: { name: 'dana', displayName: 'Dana Scully', password: 'dana-pw' },
    });
    expect(created.status).toBe(201);
    const danaSession = await signIn(world.url, 'dana', 'dana-pw');
    dana = { token: danaSession.token, id: danaSession.user.id };
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
    bobElsewhere = (await connectAs(world, world.bob)).socket;
    carol = (await connect(world.url, carolUser.token)).socket;
  });
  afterAll(() => world.close());

  it('reaches every socket of a mentioned reader who neither joined nor follows the room, with the room name', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Open plan', categoryId: world.category.id, privacy: 'open' });
    const [onBob, onElsewhere, onAlice, onCarol] = [bob, bobElsewhere, alice, carol].map((s) => record(s, 'mention:new'));
    const message = await send(alice, room.id, 'hey @bob, and @alice too');
    await waitFor(() => inRoom(onBob!, room.id).length === 1 && inRoom(onElsewhere!, room.id).length === 1, 'mention:new on both of bob’s sockets');
    expect(inRoom(onBob!, room.id)[0]).toEqual({ message, roomName: 'Open plan' });
    await settle();
    // Never the sender, even when she names herself; nobody who was not named.
    expect(inRoom(onAlice!, room.id)).toEqual([]);
    expect(inRoom(onCarol!, room.id)).toEqual([]);
  });

  it('knows @name, @Display Name and @"Display Name" in any case, but not inside a longer word', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Names', categoryId: world.category.id, privacy: 'open' });
    const danaSocket = (await connect(world.url, dana.token)).socket;
    const onDana = record(danaSocket, 'mention:new');
    const onBob = record(bob, 'mention:new');
    await send(alice, room.id, 'cc @DANA');
    await send(alice, room.id, 'cc @dana scully!');
    await send(alice, room.id, 'cc @"Dana Scully"');
    await send(alice, room.id, 'not @danas, not @bobby, not mail@bob.org, not @"Dana Scu"');
    await waitFor(() => inRoom(onDana, room.id).length === 3, 'three mentions of dana');
    await settle();
    expect(inRoom(onDana, room.id).map((m) => m.message.seq)).toEqual([1, 2, 3]);
    expect(inRoom(onBob, room.id)).toEqual([]);
    danaSocket.disconnect();
  });

  it('only people who may read the room, and never in a room without chat history', async () => {
    const closed = await createRoom(world.url, world.adminToken, { name: 'Closed door', categoryId: world.category.id, members: ['alice', 'bob'] });
    const noHistory = await createCategory(world.url, world.adminToken, { name: 'Ephemeral', chatHistory: false });
    const fleeting = await createRoom(world.url, world.adminToken, { name: 'Fleeting', categoryId: noHistory.id, privacy: 'open' });
    const onBob = record(bob, 'mention:new');
    const onCarol = record(carol, 'mention:new');
    await send(alice, closed.id, '@carol @bob look');
    await send(alice, fleeting.id, '@bob gone soon');
    await waitFor(() => inRoom(onBob, closed.id).length === 1, 'bob mentioned in the closed room');
    await settle();
    expect(inRoom(onCarol, closed.id)).toEqual([]);
    expect(inRoom(onBob, fleeting.id)).toEqual([]);
    expect((await summary(bob, fleeting.id))?.mentions).toBe(0);
    expect((await summary(carol, closed.id))?.mentions).toBe(0);
  });

  it('rooms:list counts unread mentions; reading clears them at once, and a removed message no longer counts', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Counted', categoryId: world.category.id, privacy: 'open' });
    await send(alice, room.id, '@bob one');
    await send(alice, room.id, 'nothing for bob');
    await send(alice, room.id, '@Bob two');
    await send(alice, room.id, '@bob three');
    expect(await summary(bob, room.id)).toMatchObject({ lastSeq: 4, lastReadSeq: 0, mentions: 3 });
    expect((await summary(carol, room.id))?.mentions).toBe(0);
    // The marker is still in memory (written in batches): the count follows it at once.
    await ok(bob, 'room:read', { roomId: room.id, seq: 2 });
    expect((await summary(bob, room.id))?.mentions).toBe(2);
    const removed = await http(world.url, 'POST', `/api/admin/rooms/${room.id}/remove-messages`, { token: world.adminToken, body: { contains: 'three' } });
    expect(removed.status).toBe(200);
    expect((await summary(bob, room.id))?.mentions).toBe(1);
    await ok(bob, 'room:read', { roomId: room.id, seq: 4 });
    expect((await summary(bob, room.id))?.mentions).toBe(0);
    // And after the batch reached the store, from another connection.
    await settle(700);
    const again = (await connectAs(world, world.bob)).socket;
    expect((await summary(again, room.id))?.mentions).toBe(0);
    again.disconnect();
  });

  it('a display name changed by an administrator is mentionable at once, the old one no more', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Renamed', categoryId: world.category.id, privacy: 'open' });
    const patched = await http(world.url, 'PATCH', '/api/admin/users/carol', { token: world.adminToken, body: { displayName: 'Carol Danvers' } });
    expect(patched.status).toBe(200);
    // Changing the display name reconnects the user's sockets; connect afresh.
    const carolNow = (await connect(world.url, (await signIn(world.url, 'carol', 'carol-pw')).token)).socket;
    const heard = record(carolNow, 'mention:new');
    await send(alice, room.id, 'ping @Carol Danvers');
    await waitFor(() => inRoom(heard, room.id).length === 1, 'mention by the new display name');
    expect(await request(alice, 'message:send', { roomId: room.id, clientId: 'x', text: '@carol still by name' })).toMatchObject({ ok: true });
    await waitFor(() => inRoom(heard, room.id).length === 2, 'mention by the user name');
    carolNow.disconnect();
  });

  it('unread counts hold for joined rooms that are not followed', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Joined only', categoryId: world.category.id, privacy: 'open' });
    await ok(bob, 'room:join', { roomId: room.id });
    await send(alice, room.id, 'one');
    await send(alice, room.id, 'two');
    expect(await summary(bob, room.id)).toMatchObject({ joined: true, followed: false, lastSeq: 2, lastReadSeq: 0, mentions: 0 });
  });
});
