// What one user can make the server hold (issue 9 item 2, DESIGN §4b): replies are bounded in bytes
// as well as in count, and one user's connections share a connection budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CATCH_UP_BYTES, MAX_PAGE_BYTES } from '../../server/services/page-bounds';
import { MAX_CONNECTIONS_PER_USER } from '../../server/socket/user-budgets';
import { type ClientSocket, connect, connectError, ok } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

const bytesOf = (messages: { text: string }[]) => messages.reduce((n, m) => n + Buffer.byteLength(m.text), 0);

describe('resource bounds per user', () => {
  let world: World;
  let alice: ClientSocket;

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
  });
  afterAll(() => world.close());

  it('cuts join, history and catch-up pages of a heavy room to the byte bound, and pages on through all of it', async () => {
    const roomId = world.room.id;
    // 30 messages of 8,000 three-byte characters: 720 kB of text in the last 30.
    for (let i = 1; i <= 30; i++) await ok(alice, 'message:send', { roomId, clientId: `heavy-${i}`, text: `${i} ${'\u20ac'.repeat(7990)}` });
    const joined = await ok(alice, 'room:join', { roomId });
    expect(joined.hasMore).toBe(true);
    expect(joined.messages.at(-1)?.seq).toBe(30);
    expect(joined.messages.length).toBeLessThan(30);
    expect(bytesOf(joined.messages)).toBeLessThanOrEqual(MAX_PAGE_BYTES);

    // Scrolling back reaches the first message, page by bounded page, without a gap.
    const seen = new Set(joined.messages.map((m) => m.seq));
    let before = joined.messages[0]!.seq;
    for (let pages = 0; before > 1 && pages < 20; pages++) {
      const page = await ok(alice, 'room:history', { roomId, beforeSeq: before, limit: 200 });
      expect(bytesOf(page.messages)).toBeLessThanOrEqual(MAX_PAGE_BYTES);
      for (const m of page.messages) seen.add(m.seq);
      before = page.messages[0]!.seq;
      if (!page.hasMore) break;
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    // Catch-up has more room: these 720 kB come in one page, 30 more heavy messages do not.
    const since = await ok(alice, 'messages:since', { roomId, afterSeq: 0 });
    expect(since).toMatchObject({ hasMore: false, messages: { length: 30 } });
    for (let i = 31; i <= 60; i++) await ok(alice, 'message:send', { roomId, clientId: `heavy-${i}`, text: `${i} ${'\u20ac'.repeat(7990)}` });
    const first = await ok(alice, 'messages:since', { roomId, afterSeq: 0 });
    expect(first.hasMore).toBe(true);
    expect(first.messages[0]?.seq).toBe(1);
    expect(bytesOf(first.messages)).toBeLessThanOrEqual(MAX_CATCH_UP_BYTES);
    const rest = await ok(alice, 'messages:since', { roomId, afterSeq: first.messages.at(-1)!.seq });
    expect([...first.messages, ...rest.messages].map((m) => m.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('answers 100 joins of the heavy room at once on one socket, every one of them', async () => {
    const roomId = world.room.id;
    const answers = await Promise.all(Array.from({ length: 100 }, () => ok(alice, 'room:join', { roomId })));
    expect(answers.every((a) => a.messages.at(-1)?.seq === 60 && bytesOf(a.messages) <= MAX_PAGE_BYTES)).toBe(true);
  });

  it('refuses a user more connections than the budget, and gives them back on disconnect', async () => {
    const { token } = world.bob;
    const sockets: ClientSocket[] = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_USER; i++) sockets.push((await connect(world.url, token)).socket);
    expect(await connectError(world.url, { token })).toBe('rate_limited');
    // Another user is not affected.
    await connect(world.url, world.alice.token);
    sockets.pop()!.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await connect(world.url, token);
    for (const socket of sockets) socket.disconnect();
  });
});
