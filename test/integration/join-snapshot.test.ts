// room:join's newest page comes from memory once a room has been opened (issue 8,
// server/services/recent-messages.ts). Whatever happens to the room's messages afterwards — new
// ones past a page, edits, reactions, an author's delete, an administrator's removal and rewrite, a
// longer defaultChatHistory — the next join must show exactly what the store holds: each step is
// checked against messages:since, which always reads the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { http } from './helpers/http-client';
import { type ClientSocket, ok } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('room:join after the room changed (served from memory)', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let roomId: string;
  let sent = 0;

  const send = async (socket: ClientSocket, text = `message ${sent + 1}`): Promise<Message> =>
    (await ok(socket, 'message:send', { roomId, clientId: `c${++sent}`, text })).message;

  /** A fresh connection's join page against the newest `count` the store holds. */
  const expectJoinShowsStore = async (count = 30) => {
    const { socket } = await connectAs(world, world.bob);
    const joined = await ok(socket, 'room:join', { roomId });
    const stored: Message[] = [];
    let afterSeq = 0;
    for (;;) {
      const page = await ok(socket, 'messages:since', { roomId, afterSeq });
      stored.push(...page.messages);
      if (!page.hasMore || page.messages.length === 0) break;
      afterSeq = page.messages.at(-1)!.seq;
    }
    expect(joined.messages).toEqual(stored.slice(-count));
    expect(joined.hasMore).toBe(stored.length > count);
    socket.disconnect();
  };

  beforeAll(async () => {
    world = await makeWorld();
    roomId = world.room.id;
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
    // Opened while empty: from here on the room's page is kept in memory.
    expect((await ok(alice, 'room:join', { roomId })).messages).toEqual([]);
  });
  afterAll(() => world.close());

  it('shows new messages, past a page, with hasMore', async () => {
    for (let i = 0; i < 5; i += 1) await send(bob);
    await expectJoinShowsStore();
    for (let i = 0; i < 30; i += 1) await send(i % 2 === 0 ? alice : bob);
    await expectJoinShowsStore();
  });

  it('shows an edit, a reaction and a reply as stored', async () => {
    const target = await send(alice, 'teh typo');
    await send(bob, 'filler');
    await ok(alice, 'message:edit', { roomId, seq: target.seq, text: 'the typo, fixed' });
    await ok(bob, 'message:react', { roomId, seq: target.seq, emoji: '👍', on: true });
    await ok(bob, 'message:send', { roomId, clientId: `c${++sent}`, text: 'agreed', replyToSeq: target.seq });
    await expectJoinShowsStore();
  });

  it('drops a message its author deleted, and what an administrator removed or rewrote', async () => {
    const deleted = await send(alice, 'oops, wrong room');
    await send(bob);
    await ok(alice, 'message:delete', { roomId, seq: deleted.seq });
    await expectJoinShowsStore();

    await send(bob, 'buy cheap spam now');
    await send(alice, 'my password is HUNTER2');
    await send(alice);
    const removed = await http(world.url, 'POST', `/api/admin/rooms/${roomId}/remove-messages`, { token: world.adminToken, body: { contains: 'spam' } });
    expect(removed.body).toEqual({ removed: 1 });
    await expectJoinShowsStore();
    const rewritten = await http(world.url, 'POST', `/api/admin/rooms/${roomId}/remove-messages`, {
      token: world.adminToken,
      body: { contains: 'HUNTER2', replaceWith: '[removed by an administrator]' },
    });
    expect(rewritten.body).toEqual({ removed: 1 });
    await expectJoinShowsStore();
  });

  it('shows a longer page once defaultChatHistory grows', async () => {
    const put = await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { defaultChatHistory: 45 } });
    expect(put.status).toBeLessThan(300);
    await expectJoinShowsStore(45);
    await send(bob);
    await expectJoinShowsStore(45);
  });
});
