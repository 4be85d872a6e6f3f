// §10 across servers (--redis, one shared store): a session ended on one server stops at once on
// the other, its sockets there included, and a change of the session limits applies there too.
// Runs when Redis answers at PCHAT_TEST_REDIS_URL (default redis://127.0.0.1:6379); says plainly
// when it is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionsResponse } from '../../common/session-api';
import { createUser, http, signIn, signInAdmin } from './helpers/http-client';
import { closeAllSockets, connect, connectError, waitFor } from './helpers/socket-client';
import { REDIS_URL, redisReachable } from './helpers/redis';
import { type TestServer, startTestServer } from './helpers/test-server';

const reachable = await redisReachable(REDIS_URL);
if (!reachable) console.warn(`SKIPPED: sessions across servers (--redis) — no Redis answers at ${REDIS_URL}`);

describe.skipIf(!reachable)('sessions across servers', () => {
  let one: TestServer;
  let two: TestServer;
  let admin: string;

  beforeAll(async () => {
    one = await startTestServer({ redis: REDIS_URL });
    two = await startTestServer({ redis: REDIS_URL, dataDir: one.dataDir, database: one.database });
    admin = (await signInAdmin(one.url)).token;
  });
  afterAll(async () => {
    closeAllSockets();
    await two.close();
    await one.close();
  });

  it('a session ended on one server is refused on the other and its sockets there close', async () => {
    const ida = await createUser(one.url, admin, 'ida');
    const { socket } = await connect(two.url, ida.token);
    let closed = false;
    socket.on('disconnect', () => (closed = true));
    const handoff = await http(two.url, 'POST', '/api/session/handoff', { token: ida.token });
    const listed = await http<SessionsResponse>(two.url, 'GET', '/api/sessions', { token: ida.token });
    const other = await signIn(one.url, 'ida', 'ida-pw');
    expect((await http(one.url, 'DELETE', `/api/sessions/${listed.body.sessions[0]!.id}`, { token: other.token })).status).toBe(204);
    await waitFor(() => closed, 'the socket on the other server to close');
    expect((await http(two.url, 'GET', '/api/sessions', { token: ida.token })).status).toBe(401);
    expect(await connectError(two.url, { token: ida.token })).toBe('unauthorized');
    expect((await http(two.url, 'POST', '/api/session/redeem', { body: { code: handoff.body.code } })).status).toBe(401);

    // A password change on one server ends the other sessions on both.
    const { socket: third } = await connect(two.url, (await signIn(two.url, 'ida', 'ida-pw')).token);
    let thirdClosed = false;
    third.on('disconnect', () => (thirdClosed = true));
    expect((await http(one.url, 'PUT', '/api/me/password', { token: other.token, body: { current: 'ida-pw', next: 'ida-new' } })).status).toBe(204);
    await waitFor(() => thirdClosed, 'the socket of the other session to close');
    expect((await http(two.url, 'GET', '/api/sessions', { token: other.token })).status).toBe(200);
  });

  it('a change of the session limits made on one server applies on the other', async () => {
    const jo = await createUser(two.url, admin, 'jo');
    const before = (await http<SessionsResponse>(two.url, 'GET', '/api/sessions', { token: jo.token })).body.sessions[0]!;
    expect(Date.parse(before.expiresAt) - Date.now()).toBeGreaterThan(13 * 24 * 3600_000);
    expect((await http(one.url, 'PUT', '/api/admin/config/global', { token: admin, body: { sessionMaxMinutes: 60 } })).status).toBe(200);
    let expiresAt = Number.POSITIVE_INFINITY;
    // The other server re-reads the limits when its copy is a second old.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const now = await http<SessionsResponse>(two.url, 'GET', '/api/sessions', { token: jo.token });
      expiresAt = Date.parse(now.body.sessions[0]!.expiresAt);
      if (expiresAt === Date.parse(before.createdAt) + 60 * 60_000) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(expiresAt).toBe(Date.parse(before.createdAt) + 60 * 60_000);
    await http(one.url, 'PUT', '/api/admin/config/global', { token: admin, body: { sessionMaxMinutes: null } });
  });
});
