import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { http } from './helpers/http-client';
import { type ClientSocket, ok, record, request, settle, waitFor } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';
import { createRoom } from './helpers/http-client';

async function fill(socket: ClientSocket, roomId: string, count: number, prefix: string): Promise<Message[]> {
  const sent: Message[] = [];
  for (let i = 1; i <= count; i++) sent.push((await ok(socket, 'message:send', { roomId, clientId: `${prefix}-${i}`, text: `${prefix} ${i}` })).message);
  return sent;
}

describe('history, sending and catch-up', () => {
  let world: World;
  let alice: ClientSocket;
  let roomId: string;

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
    roomId = (await createRoom(world.url, world.adminToken, { name: 'Busy', categoryId: world.category.id, privacy: 'open' })).id;
    await fill(alice, roomId, 45, 'm');
  });
  afterAll(() => world.close());

  it('join returns exactly the last defaultChatHistory messages, oldest first', async () => {
    const join = await ok(alice, 'room:join', { roomId });
    expect(join.messages.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 16 + i));
    expect(join.hasMore).toBe(true);
    expect(join.room).toMatchObject({ id: roomId, name: 'Busy', joined: true, canPost: true, chatHistory: true });
    expect(join.roster).toMatchObject({ roomId, count: 1, truncated: false, participants: [{ userId: world.alice.id }] });
  });

  it('follows a changed defaultChatHistory at once', async () => {
    const put = await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { defaultChatHistory: 10 } });
    expect(put.status).toBe(200);
    const join = await ok(alice, 'room:join', { roomId });
    expect(join.messages.map((m) => m.seq)).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44, 45]);
    const big = await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { defaultChatHistory: 100 } });
    expect(big.status).toBe(200);
    const all = await ok(alice, 'room:join', { roomId });
    expect(all.messages).toHaveLength(45);
    expect(all.hasMore).toBe(false);
    await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { defaultChatHistory: null } });
  });

  it('pages history backwards with hasMore', async () => {
    const page1 = await ok(alice, 'room:history', { roomId, beforeSeq: 16, limit: 10 });
    expect(page1.messages.map((m) => m.seq)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(page1.hasMore).toBe(true);
    const page2 = await ok(alice, 'room:history', { roomId, beforeSeq: 6, limit: 10 });
    expect(page2.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(page2.hasMore).toBe(false);
    expect(page2.messages[0]!.text).toBe('m 1');
  });

  it('catches up with messages:since', async () => {
    const since = await ok(alice, 'messages:since', { roomId, afterSeq: 40 });
    expect(since.messages.map((m) => m.seq)).toEqual([41, 42, 43, 44, 45]);
    expect(since.hasMore).toBe(false);
    expect((await ok(alice, 'messages:since', { roomId, afterSeq: 45 })).messages).toEqual([]);
  });

  it('pages catch-up at 500 with hasMore', async () => {
    const big = (await createRoom(world.url, world.adminToken, { name: 'Huge', categoryId: world.category.id, privacy: 'open' })).id;
    // Four connections, so no single one goes past the per-connection burst allowance.
    const writers = await Promise.all(Array.from({ length: 4 }, async () => (await connectAs(world, world.alice)).socket));
    await Promise.all(writers.map((w, k) => fill(w, big, 130, `w${k}`)));
    const first = await ok(alice, 'messages:since', { roomId: big, afterSeq: 0 });
    expect(first.messages).toHaveLength(500);
    expect(first.hasMore).toBe(true);
    const rest = await ok(alice, 'messages:since', { roomId: big, afterSeq: 500 });
    expect(rest.messages.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 501 + i));
    expect(rest.hasMore).toBe(false);
  });

  it('a resend with the same clientId returns the stored message and broadcasts nothing', async () => {
    const { socket: bob } = await connectAs(world, world.bob);
    await ok(bob, 'room:join', { roomId: world.room.id });
    const heard = record(bob, 'message:new');
    const first = await ok(alice, 'message:send', { roomId: world.room.id, clientId: 'once', text: '  hello  ' });
    expect(first.message.text).toBe('hello');
    const again = await ok(alice, 'message:send', { roomId: world.room.id, clientId: 'once', text: 'hello' });
    expect(again.message).toEqual(first.message);
    await waitFor(() => heard.length >= 1, 'message:new');
    await settle();
    expect(heard.map((h) => h.message.id)).toEqual([first.message.id]);
    // The same clientId from another sender is a different message.
    const bobs = await ok(bob, 'message:send', { roomId: world.room.id, clientId: 'once', text: 'mine' });
    expect(bobs.message.seq).toBe(first.message.seq + 1);
  });

  it('assigns contiguous seqs to concurrent senders', async () => {
    const room = (await createRoom(world.url, world.adminToken, { name: 'Race', categoryId: world.category.id, privacy: 'open' })).id;
    const sockets = await Promise.all([world.alice, world.bob, world.alice, world.bob].map(async (who) => (await connectAs(world, who)).socket));
    const acks = await Promise.all(
      sockets.flatMap((s, k) => Array.from({ length: 25 }, (_, i) => ok(s, 'message:send', { roomId: room, clientId: `c${k}-${i}`, text: `x${k}-${i}` }))),
    );
    expect(acks.map((a) => a.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const stored = await ok(alice, 'messages:since', { roomId: room, afterSeq: 0 });
    expect(stored.messages.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('delivers message:new to every socket in the room, not to others', async () => {
    const { socket: inRoom } = await connectAs(world, world.bob);
    const { socket: outside } = await connectAs(world, world.bob);
    await ok(inRoom, 'room:join', { roomId: world.room.id });
    const heardIn = record(inRoom, 'message:new');
    const heardOut = record(outside, 'message:new');
    const sent = await ok(alice, 'message:send', { roomId: world.room.id, clientId: 'fanout', text: 'to the room' });
    await waitFor(() => heardIn.length === 1, 'delivery');
    await settle();
    expect(heardIn[0]!.message).toEqual(sent.message);
    expect(heardOut).toEqual([]);
  });

  it('refuses blank and too-long text with bad_request', async () => {
    const blank = await request(alice, 'message:send', { roomId: world.room.id, clientId: 'blank', text: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const exact = await request(alice, 'message:send', { roomId: world.room.id, clientId: 'max', text: '😀'.repeat(8000) });
    expect(exact.ok).toBe(true);
    const long = await request(alice, 'message:send', { roomId: world.room.id, clientId: 'long', text: 'a'.repeat(8001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
