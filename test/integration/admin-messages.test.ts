import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { createCategory, createRoom, http } from './helpers/http-client';
import { type ClientSocket, ok, record, waitFor } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('message administration and export', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
  });
  afterAll(() => world.close());

  async function roomWith(name: string, lines: [ClientSocket, string][]): Promise<{ id: string; sent: Message[] }> {
    const id = (await createRoom(world.url, world.adminToken, { name, categoryId: world.category.id, privacy: 'open' })).id;
    const sent: Message[] = [];
    for (const [i, [socket, text]] of lines.entries()) sent.push((await ok(socket, 'message:send', { roomId: id, clientId: `${name}-${i}`, text })).message);
    return { id, sent };
  }
  const texts = async (roomId: string) => (await ok(alice, 'messages:since', { roomId, afterSeq: 0 })).messages.map((m) => `${m.seq}:${m.text}`);

  it('removes matching messages, pushes message:removed, and drops them from search', async () => {
    const room = await roomWith('Ops', [
      [alice, 'deploy at noon'],
      [bob, 'my password is hunter2'],
      [bob, 'spam spam'],
      [alice, 'spam from alice'],
    ]);
    await ok(alice, 'room:join', { roomId: room.id });
    const removed = record(alice, 'message:removed');

    const byUser = await http(world.url, 'POST', `/api/admin/rooms/${room.id}/remove-messages`, {
      token: world.adminToken,
      body: { userId: world.bob.id, contains: 'spam' },
    });
    expect(byUser.body).toEqual({ removed: 1 });
    await waitFor(() => removed.length === 1, 'message:removed');
    expect(removed[0]).toEqual({ roomId: room.id, seq: 3 });

    const rewritten = await http(world.url, 'POST', `/api/admin/rooms/${room.id}/remove-messages`, {
      token: world.adminToken,
      body: { contains: 'HUNTER2', replaceWith: '[removed by an administrator]' },
    });
    expect(rewritten.body).toEqual({ removed: 1 });
    expect(await texts(room.id)).toEqual(['1:deploy at noon', '2:[removed by an administrator]', '4:spam from alice']);
    expect((await ok(alice, 'search', { query: 'hunter2' })).hits).toEqual([]);
    expect((await ok(alice, 'search', { query: 'spam' })).hits.map((h) => h.message.seq)).toEqual([4]);

    // The next message still gets the next seq: removal leaves a gap, never a reuse.
    expect((await ok(alice, 'message:send', { roomId: room.id, clientId: 'after', text: 'next' })).message.seq).toBe(5);
  });

  it('clears a room before a date', async () => {
    const room = await roomWith('Archive', [
      [alice, 'old one'],
      [bob, 'old two'],
    ]);
    const none = await http(world.url, 'POST', `/api/admin/rooms/${room.id}/clear`, { token: world.adminToken, body: { before: '2000-01-01' } });
    expect(none.body).toEqual({ removed: 0 });
    const cutoff = new Date(Date.now() + 1000).toISOString();
    await new Promise((r) => setTimeout(r, 1100));
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'new', text: 'new one' });
    const cleared = await http(world.url, 'POST', `/api/admin/rooms/${room.id}/clear`, { token: world.adminToken, body: { before: cutoff } });
    expect(cleared.body).toEqual({ removed: 2 });
    expect(await texts(room.id)).toEqual(['3:new one']);
    const join = await ok(alice, 'room:join', { roomId: room.id });
    expect(join.messages.map((m) => m.seq)).toEqual([3]);
    expect(join.hasMore).toBe(false);
  });

  it('refuses bad requests and non-administrators', async () => {
    const bad = await http(world.url, 'POST', `/api/admin/rooms/${world.room.id}/clear`, { token: world.adminToken, body: { before: 'yesterday' } });
    expect(bad.status).toBe(400);
    expect((await http(world.url, 'POST', '/api/admin/rooms/nope/clear', { token: world.adminToken, body: { before: '2020-01-01' } })).status).toBe(404);
    expect((await http(world.url, 'POST', `/api/admin/rooms/${world.room.id}/clear`, { token: world.alice.token, body: { before: '2020-01-01' } })).status).toBe(403);
  });

  it('exports rooms, categories, add-ins, users and messages, filtered by category and date', async () => {
    const other = await createCategory(world.url, world.adminToken, { name: 'Exported', creators: ['alice'] });
    const room = await createRoom(world.url, world.adminToken, { name: 'In export', categoryId: other.id, privacy: 'open', members: ['bob'] });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'x1', text: 'exported line' });
    type Export = { rooms: { name: string }[]; users: { name: string }[]; categories: unknown[]; messages: Message[] };
    const all = await http<Export>(world.url, 'GET', '/api/admin/export', { token: world.adminToken });
    expect(all.status).toBe(200);
    expect(all.body.rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['Lobby', 'In export']));
    expect(all.body.users.map((u) => u.name)).toEqual(expect.arrayContaining(['admin', 'alice', 'bob']));
    expect(JSON.stringify(all.body)).not.toMatch(/scrypt|password/i);

    const filtered = await http<Export>(world.url, 'GET', `/api/admin/export?category=Exported`, { token: world.adminToken });
    expect(filtered.body.categories).toEqual([expect.objectContaining({ name: 'Exported', creators: ['alice'] })]);
    expect(filtered.body.rooms).toEqual([expect.objectContaining({ name: 'In export', members: ['bob'] })]);
    expect(filtered.body.messages.map((m) => m.text)).toEqual(['exported line']);
    const future = await http(world.url, 'GET', `/api/admin/export?category=${other.id}&from=2999-01-01`, { token: world.adminToken });
    expect(future.body.messages).toEqual([]);
    expect((await http(world.url, 'GET', '/api/admin/export', { token: world.bob.token })).status).toBe(403);
  });
});
