// The PostgreSQL storage against a real server. Runs when one answers at PCHAT_TEST_POSTGRES_URL
// (default postgres://pchat:pchat@127.0.0.1/postgres) and says plainly when it is skipped.
// The whole suite also runs on PostgreSQL with PCHAT_TEST_POSTGRES_URL set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, createUser, signInAdmin } from './helpers/http-client';
import { postgresReachable } from './helpers/postgres';
import { closeAllSockets, connect, ok } from './helpers/socket-client';
import { type TestServer, startTestServer } from './helpers/test-server';
import { createCategory } from './helpers/http-client';

const ADMIN_URL = process.env.PCHAT_TEST_POSTGRES_URL ?? 'postgres://pchat:pchat@127.0.0.1/postgres';
const reachable = await postgresReachable(ADMIN_URL);
if (!reachable) console.warn(`SKIPPED: PostgreSQL storage tests — no PostgreSQL server answers at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}`);

describe.skipIf(!reachable)('PostgreSQL storage', () => {
  let server: TestServer;
  let admin: string;
  let roomId: string;

  beforeAll(async () => {
    server = await startTestServer({ postgresAdminUrl: ADMIN_URL });
    admin = (await signInAdmin(server.url)).token;
    const category = await createCategory(server.url, admin, { name: 'PG' });
    roomId = (await createRoom(server.url, admin, { name: 'Concurrent', categoryId: category.id, privacy: 'open' })).id;
  });
  afterAll(async () => {
    closeAllSockets();
    await server.close();
  });

  it('runs on PostgreSQL', () => {
    expect(server.database).toMatch(/^postgres:\/\//);
  });

  it('gives concurrent senders on separate connections contiguous seqs', async () => {
    const users = await Promise.all(['p1', 'p2', 'p3'].map((n) => createUser(server.url, admin, n)));
    const sockets = await Promise.all(users.map(async (u) => (await connect(server.url, u.token)).socket));
    const acks = await Promise.all(
      sockets.flatMap((s, k) => Array.from({ length: 30 }, (_, i) => ok(s, 'message:send', { roomId, clientId: `k${k}-${i}`, text: `m ${k} ${i}` }))),
    );
    expect(acks.map((a) => a.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
  });

  it('stores one message when the same clientId is sent many times at once', async () => {
    const { socket } = await connect(server.url, admin);
    const others = await Promise.all(Array.from({ length: 4 }, async () => (await connect(server.url, admin)).socket));
    const before = (await ok(socket, 'messages:since', { roomId, afterSeq: 0 })).messages.length;
    const acks = await Promise.all([socket, ...others].flatMap((s) => [1, 2].map(() => ok(s, 'message:send', { roomId, clientId: 'same', text: 'once' }))));
    expect(new Set(acks.map((a) => a.message.id)).size).toBe(1);
    const after = (await ok(socket, 'messages:since', { roomId, afterSeq: 0 })).messages;
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.seq).toBe(after.length);
  });

  it('two servers on one database store a clientId sent to both at once once, and leave no gap in the seqs', async () => {
    // Made before the second server starts: without a cluster link it learns of rooms at start only.
    const room = (await createRoom(server.url, admin, { name: 'Raced', categoryId: (await createCategory(server.url, admin, { name: 'Race' })).id, privacy: 'open' })).id;
    const other = await startTestServer({ database: server.database, dataDir: server.dataDir });
    try {
      const here = (await connect(server.url, admin)).socket;
      const there = (await connect(other.url, (await signInAdmin(other.url)).token)).socket;
      for (let round = 0; round < 10; round += 1) {
        // Sent one after the other on each server, so each is a lone send there (one statement).
        const [a, b] = await Promise.all([here, there].map((s) => ok(s, 'message:send', { roomId: room, clientId: `raced-${round}`, text: `round ${round}` })));
        expect(a!.message.id).toBe(b!.message.id);
      }
      const stored = (await ok(here, 'messages:since', { roomId: room, afterSeq: 0 })).messages;
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      expect(stored.map((m) => m.clientId)).toEqual(Array.from({ length: 10 }, (_, i) => `raced-${i}`));
      const next = await ok(there, 'message:send', { roomId: room, clientId: 'after', text: 'next' });
      expect(next.message.seq).toBe(11);
    } finally {
      await other.close();
    }
  });

  it('searches words case- and accent-insensitively', async () => {
    const { socket } = await connect(server.url, admin);
    await ok(socket, 'message:send', { roomId, clientId: 'fr', text: 'Réunion demain à 10h' });
    expect((await ok(socket, 'search', { query: 'REUNION' })).hits.map((h) => h.message.text)).toEqual(['Réunion demain à 10h']);
  });

  it('keeps everything across a restart on the same database', async () => {
    const again = await startTestServer({ database: server.database, dataDir: server.dataDir });
    try {
      const { socket } = await connect(again.url, (await signInAdmin(again.url)).token);
      const join = await ok(socket, 'room:join', { roomId });
      expect(join.messages.at(-1)!.text).toBe('Réunion demain à 10h');
    } finally {
      await again.close();
    }
  });
});
