// PROTOCOL §10 (issue 9 #3, #9): a room's member lists hold only existing users its category
// admits — on create and update, the creator included — and denied always wins; a 409 never
// names a room the caller may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../common/protocol';
import { createCategory, createRoom, createUser, http } from './helpers/http-client';
import { type ClientSocket, ok, request } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('room member lists are bounded by the category', () => {
  let world: World;
  let cleo: { token: string; id: string };
  let outsider: { token: string; id: string };
  let outsiderSocket: ClientSocket;
  /** Finance admits alice, bob and cleo; cleo creates rooms there; "outsider" is not admitted. */
  let finance: Category;

  beforeAll(async () => {
    world = await makeWorld();
    const c = await createUser(world.url, world.adminToken, 'cleo');
    cleo = { token: c.token, id: c.user.id };
    const o = await createUser(world.url, world.adminToken, 'outsider');
    outsider = { token: o.token, id: o.user.id };
    await createUser(world.url, world.adminToken, 'denny');
    finance = await createCategory(world.url, world.adminToken, {
      name: 'Finance',
      allowedMembers: ['alice', 'bob', 'cleo', 'denny'],
      deniedMembers: ['denny'],
      creators: ['cleo'],
    });
    outsiderSocket = (await connectAs(world, outsider)).socket;
  });
  afterAll(() => world.close());

  const patch = (token: string, roomId: string, body: Record<string, unknown>) => http(world.url, 'PATCH', `/api/rooms/${roomId}`, { token, body });

  it('issue 9 #3: a manager cannot let in someone the category excludes (400 naming them), and nobody gets in', async () => {
    const room = await createRoom(world.url, cleo.token, { name: 'Desk', categoryId: finance.id, managers: ['alice'] });
    expect(room.managers).toEqual(['alice', 'cleo']);
    await ok(outsiderSocket, 'rooms:list', {});

    const asManager = await patch(world.alice.token, room.id, { managers: ['alice', 'outsider'] });
    expect(asManager.status).toBe(400);
    expect(asManager.body.error.code).toBe('bad_request');
    expect(asManager.body.error.message).toContain('outsider');
    for (const list of ['members', 'presenters']) {
      const refused = await patch(world.alice.token, room.id, { [list]: ['bob', 'outsider'] });
      expect([list, refused.status, refused.body.error.message]).toEqual([list, 400, expect.stringContaining('outsider')]);
    }
    // The denied list wins over the allowed one.
    const denied = await patch(world.alice.token, room.id, { members: ['denny'] });
    expect([denied.status, denied.body.error.message]).toEqual([400, expect.stringContaining('denny')]);
    // Even an administrator cannot name them.
    expect((await patch(world.adminToken, room.id, { presenters: ['outsider'] })).status).toBe(400);

    // Nothing was stored: the outsider still cannot find, join or read the room.
    const stored = await http(world.url, 'GET', `/api/rooms/${room.id}`, { token: world.alice.token });
    expect(stored.body).toMatchObject({ managers: ['alice', 'cleo'], members: [], presenters: [] });
    expect(await request(outsiderSocket, 'room:join', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(outsiderSocket, 'room:history', { roomId: room.id, beforeSeq: 1000, limit: 10 })).toMatchObject({ ok: false });
  });

  it('a category creator cannot create a room naming outsiders, on any list', async () => {
    for (const list of ['members', 'managers', 'presenters']) {
      const refused = await http(world.url, 'POST', '/api/rooms', {
        token: cleo.token,
        body: { name: `Leaky ${list}`, categoryId: finance.id, privacy: 'open', [list]: ['outsider', 'denny'] },
      });
      expect([list, refused.status, refused.body.error.code]).toEqual([list, 400, 'bad_request']);
      expect(refused.body.error.message).toContain('outsider');
      expect(refused.body.error.message).toContain('denny');
    }
    expect((await http(world.url, 'GET', '/api/rooms?q=Leaky', { token: world.adminToken })).body).toEqual([]);
  });

  it('the creator counts too: a creator the category does not admit cannot create there; an administrator is simply not listed', async () => {
    const narrow = await createCategory(world.url, world.adminToken, { name: 'Narrow', allowedMembers: ['alice'], creators: ['cleo', 'alice'] });
    const byCleo = await http(world.url, 'POST', '/api/rooms', { token: cleo.token, body: { name: 'Cleo in narrow', categoryId: narrow.id } });
    expect([byCleo.status, byCleo.body.error.message]).toEqual([400, expect.stringContaining('cleo')]);
    expect((await createRoom(world.url, world.alice.token, { name: 'Alice in narrow', categoryId: narrow.id })).managers).toEqual(['alice']);
    // The administrator may do everything anyway; listing them would break the rule.
    const byAdmin = await createRoom(world.url, world.adminToken, { name: 'Admin in narrow', categoryId: narrow.id, members: ['alice'] });
    expect(byAdmin.managers).toEqual([]);
    const named = await http(world.url, 'POST', '/api/rooms', { token: world.adminToken, body: { name: 'Admin named', categoryId: narrow.id, managers: ['admin'] } });
    expect([named.status, named.body.error.message]).toEqual([400, expect.stringContaining('admin')]);
  });

  it('names must be users that exist (400 naming the unknown ones); names match in any case and are stored as the users spell them', async () => {
    const unknown = await http(world.url, 'POST', '/api/rooms', {
      token: world.adminToken,
      body: { name: 'Ghosts', categoryId: world.category.id, members: ['alice', 'nosuchuser', 'ghost2'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('nosuchuser');
    expect(unknown.body.error.message).toContain('ghost2');
    expect(unknown.body.error.message).not.toContain('alice');
    const room = await createRoom(world.url, world.adminToken, { name: 'Cased', categoryId: world.category.id, members: ['alice', 'ALICE', 'Bob'] });
    const detail = await http(world.url, 'GET', `/api/rooms/${room.id}`, { token: world.adminToken });
    expect(detail.body.members).toEqual(['alice', 'bob']);
    expect((await patch(world.adminToken, room.id, { managers: ['nosuchuser'] })).status).toBe(400);
    // "*" (everyone the category admits) stays possible for members, never for managers.
    expect((await patch(world.adminToken, room.id, { members: ['*'] })).status).toBe(200);
    expect((await patch(world.adminToken, room.id, { managers: ['*'] })).status).toBe(400);
  });

  it('denied always wins: a manager or presenter the category later denies cannot read or post', async () => {
    const category = await createCategory(world.url, world.adminToken, { name: 'Shifting', allowedMembers: ['*'] });
    const room = await createRoom(world.url, world.adminToken, {
      name: 'Shifting room',
      categoryId: category.id,
      type: 'auditorium',
      managers: ['alice'],
      presenters: ['bob'],
    });
    const { socket: alice } = await connectAs(world, world.alice);
    const { socket: bob } = await connectAs(world, world.bob);
    await ok(bob, 'message:send', { roomId: room.id, clientId: 'before', text: 'presenting' });
    await http(world.url, 'PATCH', `/api/admin/categories/${category.id}`, { token: world.adminToken, body: { deniedMembers: ['alice', 'bob'] } });
    for (const socket of [alice, bob]) {
      expect(await request(socket, 'room:join', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await request(socket, 'message:send', { roomId: room.id, clientId: 'after', text: 'still here?' })).toMatchObject({ ok: false });
      expect(await request(socket, 'room:history', { roomId: room.id, beforeSeq: 100, limit: 10 })).toMatchObject({ ok: false });
    }
    expect((await patch(world.alice.token, room.id, { description: 'mine' })).status).toBe(404);
    // A manager left out of a narrowed allow list is out too (not only the denied).
    await http(world.url, 'PATCH', `/api/admin/categories/${category.id}`, { token: world.adminToken, body: { deniedMembers: [], allowedMembers: ['bob'] } });
    expect(await request(alice, 'room:join', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await ok(bob, 'room:join', { roomId: room.id })).messages.map((m) => m.text)).toEqual(['presenting']);
  });

  it('moving a room checks the lists given against the new category', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Mover', categoryId: world.category.id, members: ['outsider', 'alice'] });
    const refused = await patch(world.adminToken, room.id, { categoryId: finance.id, members: ['outsider'] });
    expect([refused.status, refused.body.error.message]).toEqual([400, expect.stringContaining('outsider')]);
    const moved = await patch(world.adminToken, room.id, { categoryId: finance.id });
    expect(moved.status).toBe(200);
    expect(moved.body.members).toEqual(['alice']);
  });

  it('issue 9 #9: a 409 for a taken name never names (or gives the id of) the room', async () => {
    const secret = await createRoom(world.url, world.adminToken, { name: 'Project Nightingale', categoryId: finance.id, privacy: 'secret' });
    const created = await http(world.url, 'POST', '/api/rooms', { token: cleo.token, body: { name: 'Project Nightingale', categoryId: finance.id } });
    expect(created.status).toBe(409);
    expect(created.body.error.code).toBe('conflict');
    const own = await createRoom(world.url, cleo.token, { name: 'Cleo desk', categoryId: finance.id });
    const renamed = await patch(cleo.token, own.id, { name: 'Project Nightingale' });
    expect(renamed.status).toBe(409);
    for (const body of [created.body, renamed.body]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain('Nightingale');
      expect(text).not.toContain(secret.id);
    }
    // Administrators' own 409s (categories, add-ins) are for people who see everything anyway,
    // and they echo nothing of a room either.
    const category = await http(world.url, 'POST', '/api/admin/categories', { token: world.adminToken, body: { name: 'Finance' } });
    expect(category.status).toBe(409);
    expect(JSON.stringify(category.body)).not.toContain(secret.id);
  });
});
