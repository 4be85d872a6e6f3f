import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom } from './helpers/http-client';
import { type ClientSocket, ok } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('search', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let otherRoom: string;
  let closedRoom: string;

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
    otherRoom = (await createRoom(world.url, world.adminToken, { name: 'Markets', categoryId: world.category.id, privacy: 'open' })).id;
    closedRoom = (await createRoom(world.url, world.adminToken, { name: 'Board', categoryId: world.category.id, members: ['alice'] })).id;
    const say = (roomId: string, clientId: string, text: string) => ok(alice, 'message:send', { roomId, clientId, text });
    await say(world.room.id, 'l1', 'The Quarterly figures are out');
    await say(world.room.id, 'l2', 'Lunch at noon?');
    await say(otherRoom, 'm1', 'quarterly outlook: stable');
    await say(world.room.id, 'l3', 'Where are the QUARTERLY figures stored?');
    await say(closedRoom, 'b1', 'Quarterly figures are confidential');
    await say(world.room.id, 'l4', 'Café crème for everyone');
  });
  afterAll(() => world.close());

  it('finds words case-insensitively across readable rooms, newest first, with room names', async () => {
    const { hits } = await ok(bob, 'search', { query: 'quarterly' });
    expect(hits.map((h) => [h.roomName, h.message.text])).toEqual([
      ['Lobby', 'Where are the QUARTERLY figures stored?'],
      ['Markets', 'quarterly outlook: stable'],
      ['Lobby', 'The Quarterly figures are out'],
    ]);
    // Alice, a member of the closed room, also finds its message.
    expect((await ok(alice, 'search', { query: 'quarterly' })).hits.map((h) => h.roomName)).toContain('Board');
  });

  it('needs every word, matches whole words and ignores accents', async () => {
    expect((await ok(bob, 'search', { query: 'figures QUARTERLY' })).hits).toHaveLength(2);
    expect((await ok(bob, 'search', { query: 'quarter' })).hits).toEqual([]);
    expect((await ok(bob, 'search', { query: 'cafe' })).hits.map((h) => h.message.text)).toEqual(['Café crème for everyone']);
  });

  it('searches within one room, before a seq, and honours the limit', async () => {
    const inRoom = await ok(bob, 'search', { query: 'quarterly', roomId: world.room.id });
    expect(inRoom.hits.map((h) => h.message.seq)).toEqual([3, 1]);
    expect((await ok(bob, 'search', { query: 'quarterly', roomId: world.room.id, beforeSeq: 3 })).hits.map((h) => h.message.seq)).toEqual([1]);
    expect((await ok(bob, 'search', { query: 'quarterly', limit: 1 })).hits).toHaveLength(1);
  });

  it('defaults to 50 hits', async () => {
    const room = (await createRoom(world.url, world.adminToken, { name: 'Echo', categoryId: world.category.id, privacy: 'open' })).id;
    for (let i = 0; i < 60; i++) await ok(alice, 'message:send', { roomId: room, clientId: `e${i}`, text: `echo number ${i}` });
    const { hits } = await ok(bob, 'search', { query: 'echo' });
    expect(hits).toHaveLength(50);
    expect(hits[0]!.message.text).toBe('echo number 59');
    expect((await ok(bob, 'search', { query: 'echo', limit: 200 })).hits).toHaveLength(60);
  });

  it('finds words inside markup, addresses and paths', async () => {
    const room = (await createRoom(world.url, world.adminToken, { name: 'Punctuation', categoryId: world.category.id, privacy: 'open' })).id;
    await ok(alice, 'message:send', { roomId: room, clientId: 'p1', text: '<img src=x onerror="alert(1)">' });
    await ok(alice, 'message:send', { roomId: room, clientId: 'p2', text: 'see https://wiki.example.com/vpn/setup-guide' });
    await ok(alice, 'message:send', { roomId: room, clientId: 'p3', text: 'mail ops@example.org or open C:\\logs\\today.txt' });
    const find = async (query: string) => (await ok(bob, 'search', { query, roomId: room })).hits.map((h) => h.message.seq);
    expect(await find('onerror')).toEqual([1]);
    expect(await find('wiki vpn')).toEqual([2]);
    expect(await find('guide')).toEqual([2]);
    expect(await find('ops')).toEqual([3]);
    expect(await find('today')).toEqual([3]);
  });

  it('treats query syntax as plain words', async () => {
    for (const query of ['"', 'quarterly OR lunch', 'NEAR(a b)', '*', 'figures)', "l'outlook", 'a:b']) {
      const answer = await ok(bob, 'search', { query });
      expect(Array.isArray(answer.hits)).toBe(true);
    }
    expect((await ok(bob, 'search', { query: 'quarterly OR lunch' })).hits).toEqual([]);
  });
});
