// §12 across two servers behind one Redis on one store (--redis): alerts saved on one server
// match messages stored on the other; users created or renamed on one are mentioned on the
// other; pushes reach sockets on either. Runs when Redis answers at PCHAT_TEST_REDIS_URL
// (default redis://127.0.0.1:6379) and says plainly when it is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createRoom, createUser, http, signIn, signInAdmin } from './helpers/http-client';
import { closeAllSockets, connect, ok, record, waitFor } from './helpers/socket-client';
import { REDIS_URL, redisReachable } from './helpers/redis';
import { type TestServer, startTestServer } from './helpers/test-server';

const reachable = await redisReachable(REDIS_URL);
if (!reachable) console.warn(`SKIPPED: attention across servers (--redis) — no Redis answers at ${REDIS_URL}`);

describe.skipIf(!reachable)('attention across servers with --redis', () => {
  let one: TestServer;
  let two: TestServer;
  let admin: string;
  let roomId: string;
  let ana: { token: string; id: string };

  beforeAll(async () => {
    one = await startTestServer({ redis: REDIS_URL });
    two = await startTestServer({ redis: REDIS_URL, dataDir: one.dataDir, database: one.database });
    admin = (await signInAdmin(one.url)).token;
    const category = await createCategory(one.url, admin, { name: 'Cluster' });
    roomId = (await createRoom(one.url, admin, { name: 'Shared', categoryId: category.id, privacy: 'open' })).id;
    const a = await createUser(one.url, admin, 'ana');
    ana = { token: a.token, id: a.user.id };
  });
  afterAll(async () => {
    closeAllSockets();
    await two.close();
    await one.close();
  });

  it('an alert saved on one server matches a message stored on the other', async () => {
    const ben = await createUser(one.url, admin, 'ben');
    const benOnOne = (await connect(one.url, ben.token)).socket;
    const anaOnTwo = (await connect(two.url, ana.token)).socket;
    const { alert } = await ok(benOnOne, 'alert:save', { name: 'Orders', keywords: ['order'] });
    const heard = record(benOnOne, 'alert:match');
    await retrySend(anaOnTwo, () => heard.length > 0, (n) => `order ${n}`);
    expect(heard[0]).toMatchObject({ alertId: alert.id, roomName: 'Shared' });
  });

  it('a user created and renamed on one server is mentioned on the other', async () => {
    const cleo = await createUser(one.url, admin, 'cleo');
    const cleoOnOne = (await connect(one.url, cleo.token)).socket;
    const anaOnTwo = (await connect(two.url, ana.token)).socket;
    const heard = record(cleoOnOne, 'mention:new');
    await retrySend(anaOnTwo, () => heard.length > 0, (n) => `hi @cleo ${n}`);

    const patched = await http(one.url, 'PATCH', '/api/admin/users/cleo', { token: admin, body: { displayName: 'Cleo Patra' } });
    expect(patched.status).toBe(200);
    const again = (await connect(one.url, (await signIn(one.url, 'cleo', 'cleo-pw')).token)).socket;
    const renamed = record(again, 'mention:new');
    await retrySend(anaOnTwo, () => renamed.length > 0, (n) => `hello @Cleo Patra ${n}`);
    expect(renamed[0]?.message.text).toMatch(/^hello @Cleo Patra/);
  });

  /** Sends until the condition holds: the other server hears of changes a moment later. */
  async function retrySend(socket: Awaited<ReturnType<typeof connect>>['socket'], done: () => boolean, text: (n: number) => string) {
    for (let n = 1; n <= 20 && !done(); n += 1) {
      await ok(socket, 'message:send', { roomId, clientId: `${Math.random()}`, text: text(n) });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor(done, 'the push from the other server');
  }
});
