// Two servers behind one Redis, sharing one store (--redis): what happens on one reaches the
// clients of the other. Runs when Redis answers at PCHAT_TEST_REDIS_URL (default
// redis://127.0.0.1:6379) and says plainly when it is skipped.
import { Redis } from 'ioredis';
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createRoom, createUser, http, signInAdmin } from './helpers/http-client';
import { type ClientSocket, closeAllSockets, connect, ok, record, settle, waitFor } from './helpers/socket-client';
import { REDIS_URL, redisReachable } from './helpers/redis';
import { type TestServer, startTestServer } from './helpers/test-server';

const reachable = await redisReachable(REDIS_URL);
if (!reachable) console.warn(`SKIPPED: cluster (--redis) tests — no Redis answers at ${REDIS_URL}`);

/**
 * The cluster messages the servers publish that `matches` picks, as Redis carries them (every
 * adapter channel begins with "socket.io"); `stop` ends the watch.
 */
async function watchCluster(matches: (message: Buffer) => boolean): Promise<{ seen: Buffer[]; stop: () => void }> {
  const watcher = new Redis(REDIS_URL);
  const seen: Buffer[] = [];
  watcher.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, message: Buffer) => {
    if (matches(message)) seen.push(message);
  });
  const stop = () => watcher.disconnect();
  await watcher.psubscribe('socket.io*').catch((error: unknown) => {
    stop();
    throw error;
  });
  return { seen, stop };
}

describe.skipIf(!reachable)('several servers with --redis', () => {
  let one: TestServer;
  let two: TestServer;
  let admin: string;
  let roomId: string;
  let ana: { token: string; id: string };
  let ben: { token: string; id: string };

  beforeAll(async () => {
    one = await startTestServer({ redis: REDIS_URL });
    two = await startTestServer({ redis: REDIS_URL, dataDir: one.dataDir, database: one.database });
    admin = (await signInAdmin(one.url)).token;
    const category = await createCategory(one.url, admin, { name: 'Cluster' });
    roomId = (await createRoom(one.url, admin, { name: 'Shared', categoryId: category.id, privacy: 'open' })).id;
    const a = await createUser(one.url, admin, 'ana');
    const b = await createUser(one.url, admin, 'ben');
    ana = { token: a.token, id: a.user.id };
    ben = { token: b.token, id: b.user.id };
  });
  afterAll(async () => {
    closeAllSockets();
    await two.close();
    await one.close();
  });

  it('delivers messages and merges the roster across servers', async () => {
    const onOne: ClientSocket = (await connect(one.url, ana.token)).socket;
    const onTwo: ClientSocket = (await connect(two.url, ben.token)).socket;
    const rosterOnOne = record(onOne, 'roster:update');
    // Listening before the join: the update that completes the roster may arrive right after the
    // join ack, before the test could start listening.
    const rosterOnTwo = record(onTwo, 'roster:update');
    await ok(onOne, 'room:join', { roomId });
    const join = await ok(onTwo, 'room:join', { roomId });
    await waitFor(() => rosterOnOne.some((r) => r.count === 2), 'the roster on server one to show both users');
    expect(rosterOnOne.at(-1)!.participants!.map((p) => p.userId).sort()).toEqual([ana.id, ben.id].sort());
    // Server two learns of ana from server one's report; its join ack may come before that.
    if (join.roster.count === 1) await waitFor(() => rosterOnTwo.some((r) => r.count === 2), 'the roster on server two');

    const heard = record(onTwo, 'message:new');
    const sent = await ok(onOne, 'message:send', { roomId, clientId: 'x1', text: 'across the cluster' });
    await waitFor(() => heard.length === 1, 'message:new on the other server');
    expect(heard[0]!.message).toEqual(sent.message);

    onTwo.disconnect();
    await waitFor(() => rosterOnOne.at(-1)?.count === 1, 'ben gone from the roster on server one');
  });

  it('pushes room changes and sign-outs to the other server', async () => {
    const onTwo = (await connect(two.url, ben.token)).socket;
    await ok(onTwo, 'room:join', { roomId });
    const updates = record(onTwo, 'room:updated');
    await http(one.url, 'PATCH', `/api/rooms/${roomId}`, { token: admin, body: { description: 'changed on one' } });
    await waitFor(() => updates.some((u) => u.room.description === 'changed on one'), 'room:updated on server two');

    const session = await signInAdminOn(two.url);
    const { socket } = await connect(two.url, session);
    let closed = false;
    socket.on('disconnect', () => (closed = true));
    expect((await http(one.url, 'DELETE', '/api/session', { token: session })).status).toBe(204);
    await waitFor(() => closed, 'the revoked socket on server two to close');
  });

  it('pushes room:activity to followers connected to the other server', async () => {
    const onOne = (await connect(one.url, ana.token)).socket;
    const onTwo = (await connect(two.url, ben.token)).socket;
    await ok(onTwo, 'room:follow', { roomId, follow: true });
    const heard = record(onTwo, 'room:activity');
    const sent = await ok(onOne, 'message:send', { roomId, clientId: 'act1', text: 'for followers' });
    await waitFor(() => heard.length === 1, 'room:activity on server two');
    expect(heard[0]).toEqual({ roomId, lastSeq: sent.message.seq });
  });

  it("tells a reader's device on the other server of a read, and not the device that read", async () => {
    const reading = (await connect(one.url, ana.token)).socket;
    const elsewhere = (await connect(two.url, ana.token)).socket;
    await ok(reading, 'room:join', { roomId });
    const sent = await ok((await connect(one.url, ben.token)).socket, 'message:send', { roomId, clientId: 'read-across', text: 'read me' });
    const heardElsewhere = record(elsewhere, 'room:activity');
    const heardByReader = record(reading, 'room:activity');
    await ok(reading, 'room:read', { roomId, seq: sent.message.seq });
    await waitFor(() => heardElsewhere.some((a) => a.lastReadSeq === sent.message.seq), 'the read on the device on server two');
    expect(heardElsewhere.find((a) => a.lastReadSeq === sent.message.seq)).toEqual({ roomId, lastSeq: sent.message.seq, lastReadSeq: sent.message.seq });
    await settle(300);
    expect(heardByReader.filter((a) => a.lastReadSeq !== undefined)).toEqual([]);
  });

  it("sends a message's pushes to readers outside the room, the sender's own marker too, as one cluster message", async () => {
    const fay = await createUser(one.url, admin, 'fay');
    const sending = (await connect(one.url, fay.token)).socket;
    const fayElsewhere = (await connect(two.url, fay.token)).socket;
    const benElsewhere = (await connect(two.url, ben.token)).socket;
    await ok(sending, 'room:follow', { roomId, follow: true });
    await ok(benElsewhere, 'room:follow', { roomId, follow: true });
    const heardByFay = record(fayElsewhere, 'room:activity');
    const heardByBen = record(benElsewhere, 'room:activity');
    const crossing = await watchCluster((message) => message.includes('-activity') && !message.includes('pchat:user-activity') && message.includes(roomId));
    try {
      await settle(300);
      const sent = await ok(sending, 'message:send', { roomId, clientId: 'one-crossing', text: 'for the readers outside' });
      const { seq } = sent.message;
      await waitFor(() => heardByFay.some((a) => a.lastSeq === seq) && heardByBen.some((a) => a.lastSeq === seq), 'both pushes on server two');
      expect(heardByFay.find((a) => a.lastSeq === seq)).toEqual({ roomId, lastSeq: seq, lastReadSeq: seq });
      expect(heardByBen.find((a) => a.lastSeq === seq)).toEqual({ roomId, lastSeq: seq });
      await settle(300);
      expect(crossing.seen).toHaveLength(1);
    } finally {
      crossing.stop();
    }
  });

  it("counts a first read on the other server at once: the next message reaches the reader's devices outside the room on both servers", async () => {
    const gil = await createUser(one.url, admin, 'gil');
    const sending = (await connect(one.url, ana.token)).socket;
    const desk = (await connect(two.url, gil.token)).socket;
    const phone = (await connect(one.url, gil.token)).socket;
    const tablet = (await connect(two.url, gil.token)).socket;
    const before = await ok(sending, 'message:send', { roomId, clientId: 'before-first-read', text: 'waiting for gil' });
    await ok(desk, 'room:join', { roomId });
    // No marker batch under way on either server: the first read below waits 500 ms for its own.
    await settle(700);
    const heardOnPhone = record(phone, 'room:activity');
    const heardOnTablet = record(tablet, 'room:activity');
    await ok(desk, 'room:read', { roomId, seq: before.message.seq });
    await settle(50);
    // Stored long before gil's marker is written: only the announcement of the read can count gil.
    const sent = await ok(sending, 'message:send', { roomId, clientId: 'after-first-read', text: 'for gil' });
    const pushed = (heard: { lastSeq: number; lastReadSeq?: number }[]) => heard.some((a) => a.lastSeq === sent.message.seq && a.lastReadSeq === undefined);
    await waitFor(() => pushed(heardOnPhone) && pushed(heardOnTablet), "the message's room:activity on gil's phone (server one) and tablet (server two)");
  });

  it('tells the other servers the seq of each message it stores, so their readers are answered from memory', async () => {
    const announcing = await watchCluster((message) => message.includes('pchat:seqs-stored') && message.includes(roomId));
    try {
      const reader = (await connect(two.url, ben.token)).socket;
      await ok(reader, 'room:join', { roomId });
      const arrived = record(reader, 'message:new');
      await settle(300);
      const sent = await ok((await connect(one.url, ana.token)).socket, 'message:send', { roomId, clientId: 'seq-crossing', text: 'read on two' });
      await waitFor(() => arrived.some((m) => m.message.seq === sent.message.seq), 'the message on server two');
      expect(await ok(reader, 'room:read', { roomId, seq: sent.message.seq })).toMatchObject({ lastReadSeq: sent.message.seq });
      await settle(300);
      expect(announcing.seen).toHaveLength(1);
    } finally {
      announcing.stop();
    }
  });

  it('relays the reads a marker flush announces as one message to the other servers', async () => {
    const announcing = await watchCluster((message) => message.includes('lastReadSeq') && message.includes(roomId));
    try {
      const readers = await Promise.all(
        ['cara', 'dan', 'eve'].map(async (name) => {
          const { token } = await createUser(one.url, admin, name);
          const socket = (await connect(one.url, token)).socket;
          await ok(socket, 'room:join', { roomId });
          return socket;
        }),
      );
      // Sent by someone else: a sender's own marker moves with the send, in a flush of its own.
      const sent = await ok((await connect(one.url, ben.token)).socket, 'message:send', { roomId, clientId: 'flush-batch', text: 'read by three' });
      await settle(700);
      announcing.seen.length = 0;
      await Promise.all(readers.map((socket) => ok(socket, 'room:read', { roomId, seq: sent.message.seq })));
      // The batch is written every 500 ms; one flush holds all three reads, made together.
      await waitFor(() => announcing.seen.length > 0, 'the flush announced on Redis');
      await settle(700);
      expect(announcing.seen).toHaveLength(1);
    } finally {
      announcing.stop();
    }
  });
});

describe.skipIf(!reachable)('a server leaving the cluster', () => {
  it('takes its users out of the other servers’ rosters when it stops', async () => {
    const one = await startTestServer({ redis: REDIS_URL });
    const three = await startTestServer({ redis: REDIS_URL, dataDir: one.dataDir, database: one.database });
    try {
      const admin = (await signInAdmin(one.url)).token;
      const category = await createCategory(one.url, admin, { name: 'Leaving' });
      const room = (await createRoom(one.url, admin, { name: 'Leaving room', categoryId: category.id, privacy: 'open' })).id;
      const cy = await createUser(one.url, admin, 'cy');
      const watcher = (await connect(one.url, admin)).socket;
      await ok(watcher, 'room:join', { roomId: room });
      const rosters = record(watcher, 'roster:update');
      await ok((await connect(three.url, cy.token)).socket, 'room:join', { roomId: room });
      await waitFor(() => rosters.at(-1)?.count === 2, 'cy on server three to appear');
      await three.close();
      await waitFor(() => rosters.at(-1)?.count === 1, 'cy to go when server three stops');
    } finally {
      closeAllSockets();
      await three.close().catch(() => undefined);
      await one.close();
    }
  });
});

async function signInAdminOn(url: string): Promise<string> {
  return (await signInAdmin(url)).token;
}

describe('a server told to join a Redis that does not answer', () => {
  it('refuses to start and names the cause', async () => {
    const port = await closedPort();
    await expect(startTestServer({ redis: `redis://127.0.0.1:${port}` })).rejects.toThrow(/cannot reach Redis: .*ECONNREFUSED/);
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
