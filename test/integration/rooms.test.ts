import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createRoom, createUser, http } from './helpers/http-client';
import { type ClientSocket, ok, record, request, waitFor } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('categories and rooms', () => {
  let world: World;
  let carol: { token: string; id: string };
  let alice: ClientSocket;
  let bob: ClientSocket;

  beforeAll(async () => {
    world = await makeWorld();
    const c = await createUser(world.url, world.adminToken, 'carol');
    carol = { token: c.token, id: c.user.id };
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
  });
  afterAll(() => world.close());

  it('creates categories with the §9.3 defaults and refuses duplicate names', async () => {
    const created = await createCategory(world.url, world.adminToken, { name: 'Defaults' });
    expect(created).toMatchObject({ name: 'Defaults', description: '', invitations: true, fileUpload: true, chatHistory: true, allowedMembers: ['*'], deniedMembers: [], creators: [] });
    const dup = await http(world.url, 'POST', '/api/admin/categories', { token: world.adminToken, body: { name: 'Defaults' } });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'conflict']);
    const patched = await http(world.url, 'PATCH', `/api/admin/categories/${created.id}`, { token: world.adminToken, body: { fileUpload: false } });
    expect(patched.body).toMatchObject({ name: 'Defaults', fileUpload: false, chatHistory: true });
  });

  it('lets category creators create rooms they then manage; others get 403; names are unique', async () => {
    const category = await createCategory(world.url, world.adminToken, { name: 'Team', creators: ['alice'] });
    const room = await createRoom(world.url, world.alice.token, { name: 'Team room', categoryId: category.id });
    expect(room).toMatchObject({ privacy: 'closed', type: 'normal', managers: ['alice'], canManage: true, isMember: true });
    const refused = await http(world.url, 'POST', '/api/rooms', { token: world.bob.token, body: { name: 'Bobs', categoryId: category.id } });
    expect(refused.status).toBe(403);
    const dup = await http(world.url, 'POST', '/api/rooms', { token: world.alice.token, body: { name: 'Team room', categoryId: category.id } });
    expect(dup.status).toBe(409);

    // A manager changes everything but the category; only administrators delete.
    const patched = await http(world.url, 'PATCH', `/api/rooms/${room.id}`, {
      token: world.alice.token,
      body: { description: 'Plans', privacy: 'open', type: 'auditorium', presenters: ['alice'], members: ['bob'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: 'Plans', privacy: 'open', type: 'auditorium', presenters: ['alice'], members: ['bob'] });
    const other = await createCategory(world.url, world.adminToken, { name: 'Elsewhere' });
    const move = await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.alice.token, body: { categoryId: other.id } });
    expect(move.status).toBe(403);
    expect((await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.bob.token, body: { description: 'mine' } })).status).toBe(403);
    expect((await http(world.url, 'DELETE', `/api/admin/rooms/${room.id}`, { token: world.alice.token })).status).toBe(403);
  });

  it('in an auditorium only presenters and managers post', async () => {
    const room = await createRoom(world.url, world.adminToken, {
      name: 'Stage',
      categoryId: world.category.id,
      privacy: 'open',
      type: 'auditorium',
      presenters: ['alice'],
    });
    expect((await ok(alice, 'message:send', { roomId: room.id, clientId: 's1', text: 'welcome' })).message.seq).toBe(1);
    const join = await ok(bob, 'room:join', { roomId: room.id });
    expect(join.room.canPost).toBe(false);
    expect(join.messages.map((m) => m.text)).toEqual(['welcome']);
    expect(await request(bob, 'message:send', { roomId: room.id, clientId: 'b1', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lists closed rooms but keeps them unreadable; hides secret rooms entirely', async () => {
    const closed = await createRoom(world.url, world.adminToken, { name: 'Closed', categoryId: world.category.id, members: ['alice'], managers: ['alice'] });
    const secret = await createRoom(world.url, world.adminToken, { name: 'Secret', categoryId: world.category.id, privacy: 'secret', members: ['alice'] });
    await ok(alice, 'message:send', { roomId: closed.id, clientId: 'c1', text: 'members only' });

    const bobsList = (await ok(bob, 'rooms:list', {})).rooms;
    expect(bobsList.find((r) => r.id === closed.id)).toMatchObject({ privacy: 'closed', isMember: false, joined: false });
    // A non-member learns whom to ask to be let in; a member's summary carries no such list.
    expect(bobsList.find((r) => r.id === closed.id)?.managers).toContain('alice');
    expect((await ok(alice, 'rooms:list', {})).rooms.find((r) => r.id === closed.id)?.managers).toBeUndefined();
    expect(bobsList.find((r) => r.id === secret.id)).toBeUndefined();
    for (const [event, payload] of [
      ['room:join', { roomId: closed.id }],
      ['room:history', { roomId: closed.id, beforeSeq: 10, limit: 10 }],
      ['messages:since', { roomId: closed.id, afterSeq: 0 }],
      ['message:send', { roomId: closed.id, clientId: 'x', text: 'let me in' }],
      ['search', { query: 'members', roomId: closed.id }],
    ] as const) {
      expect([event, await request(bob, event, payload as never)]).toMatchObject([event, { ok: false, error: { code: 'forbidden' } }]);
    }
    for (const [event, payload] of [
      ['room:join', { roomId: secret.id }],
      ['room:leave', { roomId: secret.id }],
      ['room:history', { roomId: secret.id, beforeSeq: 10, limit: 10 }],
      ['message:send', { roomId: secret.id, clientId: 'x', text: 'hello?' }],
    ] as const) {
      expect([event, await request(bob, event, payload as never)]).toMatchObject([event, { ok: false, error: { code: 'not_found' } }]);
    }
    expect((await http(world.url, 'GET', `/api/rooms/${secret.id}`, { token: world.bob.token })).status).toBe(404);
    expect((await ok(bob, 'search', { query: 'members' })).hits).toEqual([]);

    // Members and administrators read both; administrators see secret rooms too.
    expect((await ok(alice, 'room:join', { roomId: closed.id })).messages.map((m) => m.text)).toEqual(['members only']);
    const { socket: admin } = await connectAs(world, { token: world.adminToken });
    const adminList = (await ok(admin, 'rooms:list', {})).rooms.map((r) => r.name);
    expect(adminList).toEqual(expect.arrayContaining(['Closed', 'Secret']));
    expect((await ok(admin, 'message:send', { roomId: secret.id, clientId: 'a1', text: 'admin was here' })).message.seq).toBe(1);
  });

  it('denied members of a category see none of its rooms, even with "*" allowed', async () => {
    const category = await createCategory(world.url, world.adminToken, { name: 'No Bob', deniedMembers: ['bob'] });
    // §10: naming a denied user is refused outright, so he cannot even be listed.
    const naming = await http(world.url, 'POST', '/api/rooms', { token: world.adminToken, body: { name: 'Bobless', categoryId: category.id, members: ['bob'] } });
    expect([naming.status, naming.body.error.code, naming.body.error.message]).toEqual([400, 'bad_request', expect.stringContaining('bob')]);
    const room = await createRoom(world.url, world.adminToken, { name: 'Bobless', categoryId: category.id, privacy: 'open' });
    expect((await ok(bob, 'rooms:list', {})).rooms.map((r) => r.id)).not.toContain(room.id);
    expect(await request(bob, 'room:join', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await ok(bob, 'rooms:list', {})).categories.map((c) => c.id)).not.toContain(category.id);
    expect((await ok(alice, 'room:join', { roomId: room.id })).room.name).toBe('Bobless');
  });

  it('pushes room:updated to those who see the room and room:removed to those who lose it', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Shifting', categoryId: world.category.id, privacy: 'open', members: ['alice'] });
    const { socket: carolSocket } = await connectAs(world, carol);
    await ok(bob, 'room:join', { roomId: room.id });
    await ok(carolSocket, 'rooms:list', {});
    const bobUpdates = record(bob, 'room:updated');
    const bobRemoved = record(bob, 'room:removed');
    const carolRemoved = record(carolSocket, 'room:removed');
    const aliceUpdates = record(alice, 'room:updated');

    await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.adminToken, body: { description: 'now with a topic' } });
    await waitFor(() => bobUpdates.length === 1 && aliceUpdates.length === 1, 'room:updated');
    expect(bobUpdates[0]!.room).toMatchObject({ id: room.id, description: 'now with a topic', joined: true });
    expect(aliceUpdates[0]!.room.joined).toBe(false);

    // Made secret: bob (joined, not a member) is dropped; carol (who saw it listed) loses it.
    const { socket: bobOther } = await connectAs(world, world.bob);
    await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.adminToken, body: { privacy: 'secret' } });
    await waitFor(() => bobRemoved.length === 1 && carolRemoved.length === 1, 'room:removed');
    expect(bobRemoved[0]).toEqual({ roomId: room.id });
    expect((await ok(bob, 'rooms:list', {})).rooms.map((r) => r.id)).not.toContain(room.id);
    const heard = record(bob, 'message:new');
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'after', text: 'bob cannot hear this' });
    await new Promise((r) => setTimeout(r, 150));
    expect(heard).toEqual([]);
    expect(bobOther.connected).toBe(true);
  });

  it('moving a room to another category drops the people it does not allow', async () => {
    const narrow = await createCategory(world.url, world.adminToken, { name: 'Narrow', allowedMembers: ['alice', 'carol'], deniedMembers: ['carol'] });
    const room = await createRoom(world.url, world.adminToken, {
      name: 'Movable',
      categoryId: world.category.id,
      members: ['alice', 'bob', 'carol'],
      managers: ['bob'],
      presenters: ['carol'],
    });
    const moved = await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.adminToken, body: { categoryId: narrow.id } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ categoryId: narrow.id, members: ['alice'], presenters: [] });
    expect(moved.body.managers).not.toContain('bob');
    expect((await http(world.url, 'GET', `/api/rooms/${room.id}`, { token: world.bob.token })).status).toBe(404);
  });

  it('only administrators delete rooms; everyone who saw it hears room:removed', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Doomed', categoryId: world.category.id, privacy: 'open' });
    await ok(bob, 'room:join', { roomId: room.id });
    const removed = record(bob, 'room:removed');
    expect((await http(world.url, 'DELETE', `/api/admin/rooms/${room.id}`, { token: world.adminToken })).status).toBe(204);
    await waitFor(() => removed.length === 1, 'room:removed');
    expect(await request(bob, 'room:join', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await http(world.url, 'DELETE', `/api/admin/rooms/${room.id}`, { token: world.adminToken })).status).toBe(404);
  });

  it('lists add-ins for the room form and attaches one to a room', async () => {
    const addin = await http(world.url, 'POST', '/api/admin/addins', { token: world.adminToken, body: { name: 'Tickers', url: 'https://addins.example.com/t.html' } });
    expect(addin.status).toBe(201);
    expect((await http(world.url, 'GET', '/api/addins', { token: world.bob.token })).body).toEqual([addin.body]);
    const room = await createRoom(world.url, world.adminToken, { name: 'With add-in', categoryId: world.category.id, privacy: 'open', addinId: addin.body.id });
    expect(room.addin).toEqual(addin.body);
    expect((await ok(bob, 'room:join', { roomId: room.id })).room.addin).toEqual(addin.body);
    const gone = await http(world.url, 'DELETE', `/api/admin/addins/${addin.body.id}`, { token: world.adminToken });
    expect(gone.status).toBe(204);
    expect((await ok(bob, 'room:join', { roomId: room.id })).room.addin).toBeNull();
  });
});
