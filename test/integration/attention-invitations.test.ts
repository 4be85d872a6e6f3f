// PROTOCOL §12 invitations, and the per-room notification level (a pchat addition), over real
// sockets: room:invited to every socket of people newly named in a room with invitations on
// (and its category's), invited: true in rooms:list until they join once or decline; room:notify
// stored on the server. SQLite, and PostgreSQL with PCHAT_TEST_POSTGRES_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomInvited, RoomSummary } from '../../common/protocol';
import { createCategory, createRoom, createUser, http } from './helpers/http-client';
import { type ClientSocket, connect, ok, record, request, settle, waitFor } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('invitations (§12) and notification levels', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let carol: ClientSocket;
  let carolToken: string;

  const summary = async (socket: ClientSocket, roomId: string): Promise<RoomSummary | undefined> =>
    (await ok(socket, 'rooms:list', {})).rooms.find((r) => r.id === roomId);
  const forRoom = (heard: RoomInvited[], roomId: string) => heard.filter((i) => i.room.id === roomId);

  beforeAll(async () => {
    world = await makeWorld();
    carolToken = (await createUser(world.url, world.adminToken, 'carol')).token;
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
    carol = (await connect(world.url, carolToken)).socket;
  });
  afterAll(() => world.close());

  it('invites people named at creation on every socket, not the creator; joining once answers it', async () => {
    const category = await createCategory(world.url, world.adminToken, { name: 'Projects', creators: ['alice'] });
    const bobElsewhere = (await connectAs(world, world.bob)).socket;
    const [onBob, onElsewhere, onAlice, onCarol] = [bob, bobElsewhere, alice, carol].map((s) => record(s, 'room:invited'));
    const room = await createRoom(world.url, world.alice.token, { name: 'Apollo', categoryId: category.id, members: ['bob'], invitations: true });
    await waitFor(() => forRoom(onBob!, room.id).length === 1 && forRoom(onElsewhere!, room.id).length === 1, 'room:invited on both of bob’s sockets');
    expect(forRoom(onBob!, room.id)[0]).toMatchObject({
      by: 'Alice',
      room: { id: room.id, name: 'Apollo', privacy: 'closed', isMember: true, joined: false, invited: true },
    });
    await settle();
    expect(forRoom(onAlice!, room.id)).toEqual([]);
    expect(forRoom(onCarol!, room.id)).toEqual([]);

    expect(await summary(bob, room.id)).toMatchObject({ invited: true });
    expect(await summary(alice, room.id)).toMatchObject({ invited: false });
    await ok(bobElsewhere, 'room:join', { roomId: room.id });
    expect(await summary(bob, room.id)).toMatchObject({ invited: false });
    // Once answered, leaving and coming back does not bring it back.
    await ok(bobElsewhere, 'room:leave', { roomId: room.id });
    expect(await summary(bob, room.id)).toMatchObject({ invited: false });
    bobElsewhere.disconnect();
  });

  it('invites only those newly added by a change; declining answers it', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Gemini', categoryId: world.category.id, members: ['bob'] });
    await ok(bob, 'room:join', { roomId: room.id });
    const onBob = record(bob, 'room:invited');
    const onCarol = record(carol, 'room:invited');
    const patched = await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.adminToken, body: { members: ['bob'], presenters: ['carol', 'BOB'] } });
    expect(patched.status).toBe(200);
    await waitFor(() => forRoom(onCarol, room.id).length === 1, 'carol invited');
    expect(forRoom(onCarol, room.id)[0]).toMatchObject({ by: 'Administrator', room: { id: room.id, invited: true } });
    await settle();
    expect(forRoom(onBob, room.id)).toEqual([]);

    expect(await summary(carol, room.id)).toMatchObject({ invited: true });
    expect(await ok(carol, 'room:invitation', { roomId: room.id, accept: false })).toEqual({ ok: true });
    expect(await summary(carol, room.id)).toMatchObject({ invited: false });
    // Declining twice is harmless.
    expect(await ok(carol, 'room:invitation', { roomId: room.id, accept: false })).toEqual({ ok: true });
  });

  it('sends nothing when the room or its category has invitations off', async () => {
    const noInvites = await createCategory(world.url, world.adminToken, { name: 'Quiet', invitations: false });
    const heard = record(carol, 'room:invited');
    const inQuietCategory = await createRoom(world.url, world.adminToken, { name: 'Hush', categoryId: noInvites.id, members: ['carol'], invitations: true });
    const switchedOff = await createRoom(world.url, world.adminToken, { name: 'Muted', categoryId: world.category.id, members: ['carol'], invitations: false });
    await settle(300);
    expect(forRoom(heard, inQuietCategory.id)).toEqual([]);
    expect(forRoom(heard, switchedOff.id)).toEqual([]);
    expect(await summary(carol, switchedOff.id)).toMatchObject({ invited: false });
  });

  it('room:invitation answers not_found, bad_request and forbidden like the other events', async () => {
    const secret = await createRoom(world.url, world.adminToken, { name: 'Hidden', categoryId: world.category.id, privacy: 'secret', members: ['alice'] });
    const closed = await createRoom(world.url, world.adminToken, { name: 'Closed', categoryId: world.category.id, members: ['alice'] });
    expect(await request(carol, 'room:invitation', { roomId: 'nope', accept: false })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(carol, 'room:invitation', { roomId: secret.id, accept: false })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(carol, 'room:invitation', { roomId: closed.id, accept: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const payload of [{ roomId: closed.id }, { roomId: closed.id, accept: 'no' }, { accept: false }, null]) {
      expect(await request(carol, 'room:invitation', payload as never), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it('keeps a notification level per room on the server, "all" until the user picks one', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Noisy', categoryId: world.category.id, privacy: 'open' });
    expect(await summary(bob, room.id)).toMatchObject({ notify: 'all' });
    expect(await ok(bob, 'room:notify', { roomId: room.id, level: 'mentions' })).toEqual({ ok: true });
    expect(await summary(bob, room.id)).toMatchObject({ notify: 'mentions' });
    expect(await summary(alice, room.id)).toMatchObject({ notify: 'all' });
    await ok(bob, 'room:notify', { roomId: room.id, level: 'none' });
    const again = (await connectAs(world, world.bob)).socket;
    expect(await summary(again, room.id)).toMatchObject({ notify: 'none' });
    again.disconnect();

    const secret = await createRoom(world.url, world.adminToken, { name: 'Secret noise', categoryId: world.category.id, privacy: 'secret', members: ['alice'] });
    expect(await request(bob, 'room:notify', { roomId: secret.id, level: 'all' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const payload of [{ roomId: room.id, level: 'loud' }, { roomId: room.id }, { level: 'all' }]) {
      expect(await request(bob, 'room:notify', payload as never), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });
});
