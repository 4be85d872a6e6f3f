// PROTOCOL.md §10 sessions and accounts against a real server (SQLite, or PostgreSQL with
// PCHAT_TEST_POSTGRES_URL): the session answers, the caller's session list, password change,
// administrator user updates, the global-only session limits and the sign-in throttle.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../common/protocol';
import type { SessionsResponse } from '../../common/session-api';
import { createUser, http, signIn } from './helpers/http-client';
import { connect, connectError } from './helpers/socket-client';
import { type World, makeWorld } from './helpers/world';

/** POST /api/session from a chosen loopback address (fetch cannot pick the local address). */
function signInFrom(baseUrl: string, localAddress: string, user: string, password: string): Promise<{ status: number; body: { error?: { code: string } } }> {
  const url = new URL('/api/session', baseUrl);
  const payload = JSON.stringify({ user, password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: (text === '' ? {} : JSON.parse(text)) as { error?: { code: string } } }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Resolves when the socket is closed by the server. */
const closed = (socket: { on(event: 'disconnect', listener: () => void): unknown }) => new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));

describe('sessions and accounts (§10)', () => {
  let world: World;
  let admin: string;
  beforeAll(async () => {
    world = await makeWorld();
    admin = world.adminToken;
  });
  afterAll(() => world.close());

  it('answers token, user and expiresAt, never cached; a hand-off code dies with the session that asked for it', async () => {
    const before = Date.now();
    const answer = await http<SessionResponse>(world.url, 'POST', '/api/session', { body: { user: 'alice', password: 'alice-pw' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(answer.body).sort()).toEqual(['expiresAt', 'token', 'user']);
    const expires = Date.parse(answer.body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 20_160 * 60_000 - 5000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 20_160 * 60_000);

    const handoff = await http(world.url, 'POST', '/api/session/handoff', { token: answer.body.token });
    expect(handoff.headers.get('cache-control')).toBe('no-store');
    const redeemed = await http<SessionResponse>(world.url, 'POST', '/api/session/redeem', { body: { code: handoff.body.code } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.headers.get('cache-control')).toBe('no-store');
    expect(typeof redeemed.body.expiresAt).toBe('string');

    const orphan = await http(world.url, 'POST', '/api/session/handoff', { token: answer.body.token });
    expect((await http(world.url, 'DELETE', '/api/session', { token: answer.body.token })).status).toBe(204);
    const late = await http(world.url, 'POST', '/api/session/redeem', { body: { code: orphan.body.code } });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('unauthorized');
  });

  it('lists the caller\'s own sessions (current marked), ends one (another\'s → 404) or all, sockets included', async () => {
    const dora = await createUser(world.url, admin, 'dora');
    const second = await signIn(world.url, 'dora', 'dora-pw');
    const third = await signIn(world.url, 'dora', 'dora-pw');
    const listed = await http<SessionsResponse>(world.url, 'GET', '/api/sessions', { token: second.token });
    expect(listed.status).toBe(200);
    expect(listed.body.sessions).toHaveLength(3);
    expect(listed.body.sessions.filter((s) => s.current)).toHaveLength(1);
    for (const s of listed.body.sessions) expect(Object.keys(s).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'lastUsedAt']);
    const mine = listed.body.sessions.find((s) => s.current)!;
    const others = listed.body.sessions.filter((s) => !s.current);
    expect(JSON.stringify(listed.body)).not.toContain(second.token);

    // Someone else's session id is not found, and nothing happens to it.
    expect((await http(world.url, 'DELETE', `/api/sessions/${others[0]!.id}`, { token: world.alice.token })).status).toBe(404);

    const { socket } = await connect(world.url, dora.token);
    const gone = closed(socket);
    const target = (await http<SessionsResponse>(world.url, 'GET', '/api/sessions', { token: dora.token })).body.sessions.find((s) => s.current)!;
    expect((await http(world.url, 'DELETE', `/api/sessions/${target.id}`, { token: second.token })).status).toBe(204);
    await gone;
    expect((await http(world.url, 'GET', '/api/sessions', { token: dora.token })).status).toBe(401);
    expect(mine.id).not.toBe(target.id);

    const { socket: thirdSocket } = await connect(world.url, third.token);
    const thirdGone = closed(thirdSocket);
    expect((await http(world.url, 'DELETE', '/api/sessions', { token: second.token })).status).toBe(204);
    await thirdGone;
    for (const token of [second.token, third.token]) expect((await http(world.url, 'GET', '/api/sessions', { token })).status).toBe(401);
    expect(await connectError(world.url, { token: third.token })).toBe('unauthorized');
  });

  it('changes the password: wrong current → 401 bad_credentials (still signed in), else 204 and every other session ends', async () => {
    const erin = await createUser(world.url, admin, 'erin');
    const other = await signIn(world.url, 'erin', 'erin-pw');
    const { socket } = await connect(world.url, other.token);
    const gone = closed(socket);
    const wrong = await http(world.url, 'PUT', '/api/me/password', { token: erin.token, body: { current: 'nope', next: 'new-pw' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('bad_credentials');
    expect((await http(world.url, 'GET', '/api/sessions', { token: erin.token })).status).toBe(200);
    expect((await http(world.url, 'PUT', '/api/me/password', { token: erin.token, body: { current: 'erin-pw' } })).status).toBe(400);

    const done = await http(world.url, 'PUT', '/api/me/password', { token: erin.token, body: { current: 'erin-pw', next: 'new-pw' } });
    expect(done.status).toBe(204);
    await gone;
    expect((await http(world.url, 'GET', '/api/sessions', { token: other.token })).status).toBe(401);
    expect((await http<SessionsResponse>(world.url, 'GET', '/api/sessions', { token: erin.token })).body.sessions).toHaveLength(1);
    expect((await http(world.url, 'POST', '/api/session', { body: { user: 'erin', password: 'erin-pw' } })).status).toBe(401);
    expect((await signIn(world.url, 'erin', 'new-pw')).user.name).toBe('erin');
  });

  it('administrators list users with disabled, update them (case-insensitively), disable and revoke', async () => {
    const fred = await createUser(world.url, admin, 'fred');
    const users = await http(world.url, 'GET', '/api/admin/users', { token: admin });
    expect((users.body as { name: string }[]).find((u) => u.name === 'fred')).toMatchObject({ disabled: false, roles: ['user'] });
    expect((await http(world.url, 'PATCH', '/api/admin/users/fred', { token: fred.token, body: { disabled: true } })).status).toBe(403);
    expect((await http(world.url, 'PATCH', '/api/admin/users/nobody', { token: admin, body: { disabled: true } })).status).toBe(404);
    expect((await http(world.url, 'PATCH', '/api/admin/users/fred', { token: admin, body: { colour: 'red' } })).status).toBe(400);

    const renamed = await http(world.url, 'PATCH', '/api/admin/users/FRED', { token: admin, body: { displayName: 'Frederick' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: fred.user.id, name: 'fred', displayName: 'Frederick', roles: ['user'], disabled: false });
    expect((await http(world.url, 'GET', '/api/sessions', { token: fred.token })).status).toBe(200); // a new name ends nothing

    const { socket } = await connect(world.url, fred.token);
    const gone = closed(socket);
    const disabled = await http(world.url, 'PATCH', '/api/admin/users/fred', { token: admin, body: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    await gone;
    expect((await http(world.url, 'GET', '/api/sessions', { token: fred.token })).status).toBe(401);
    const refused = await http(world.url, 'POST', '/api/session', { body: { user: 'fred', password: 'fred-pw' } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('bad_credentials');

    await http(world.url, 'PATCH', '/api/admin/users/fred', { token: admin, body: { disabled: false } });
    const again = await signIn(world.url, 'Fred', 'fred-pw');
    const reset = await http(world.url, 'PATCH', '/api/admin/users/fred', { token: admin, body: { password: 'fresh-pw' } });
    expect(reset.status).toBe(200);
    expect((await http(world.url, 'GET', '/api/sessions', { token: again.token })).status).toBe(401);
    const last = await signIn(world.url, 'fred', 'fresh-pw');
    expect((await http(world.url, 'DELETE', '/api/admin/users/fred/sessions', { token: admin })).status).toBe(204);
    expect((await http(world.url, 'GET', '/api/sessions', { token: last.token })).status).toBe(401);
    expect((await http(world.url, 'DELETE', '/api/admin/users/nobody/sessions', { token: admin })).status).toBe(404);

    const promoted = await http(world.url, 'PATCH', '/api/admin/users/fred', { token: admin, body: { roles: ['admin'] } });
    expect(promoted.body.roles).toEqual(['admin', 'user']);
    const created = await http(world.url, 'POST', '/api/admin/users', { token: admin, body: { name: 'FRED', displayName: 'x', password: 'x' } });
    expect(created.status).toBe(409);
  });

  it('keeps the session limits on the global entry only, out of EffectiveConfig', async () => {
    const put = await http(world.url, 'PUT', '/api/admin/config/global', { token: admin, body: { sessionIdleMinutes: 30_000, defaultChatHistory: 40 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ scope: 'global', sessionIdleMinutes: 30_000, defaultChatHistory: 40 });
    const listed = await http(world.url, 'GET', '/api/admin/config', { token: admin });
    expect((listed.body.entries as { scope: string }[]).find((e) => e.scope === 'global')).toMatchObject({ sessionIdleMinutes: 30_000 });
    expect(listed.body.effective).not.toHaveProperty('sessionIdleMinutes');
    const { session } = await connect(world.url, world.bob.token);
    expect(session.config).not.toHaveProperty('sessionIdleMinutes');
    for (const [scope, body] of [
      ['site:paris', { sessionIdleMinutes: 10 }],
      ['pool:default', { sessionMaxMinutes: 10 }],
      ['global', { sessionIdleMinutes: 0 }],
      ['global', { sessionMaxMinutes: 1.5 }],
      ['global', { sessionMaxMinutes: '60' }],
    ] as const) {
      const refused = await http(world.url, 'PUT', `/api/admin/config/${scope}`, { token: admin, body });
      expect(refused.status, `${scope} ${JSON.stringify(body)}`).toBe(400);
    }
    // The session answers follow the new limit.
    const fresh = await signIn(world.url, 'bob', 'bob-pw');
    expect(Date.parse(fresh.expiresAt) - Date.now()).toBeGreaterThan(20_160 * 60_000);
    await http(world.url, 'PUT', '/api/admin/config/global', { token: admin, body: { sessionIdleMinutes: null, defaultChatHistory: null } });
  });

  it('throttles per name and address: of 60 parallel wrong guesses at most 10 are evaluated, then 429 even for the right password', async () => {
    await createUser(world.url, admin, 'gina');
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => http(world.url, 'POST', '/api/session', { body: { user: i % 2 ? 'gina' : 'GINA', password: `guess-${i}` } })),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
    const limited = guesses.find((g) => g.status === 429)!;
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.retryAfterS).toBeGreaterThanOrEqual(1);
    expect(limited.body.error.retryAfterS).toBeLessThanOrEqual(300);

    const right = await signInFrom(world.url, '127.0.0.1', 'gina', 'gina-pw');
    expect(right.status).toBe(429);
    expect(right.body.error?.code).toBe('rate_limited');
    const elsewhere = await signInFrom(world.url, '127.0.0.2', 'Gina', 'gina-pw');
    expect(elsewhere.status).toBe(200);
    // Someone else's name from the throttled address is not affected.
    expect((await signInFrom(world.url, '127.0.0.1', 'alice', 'alice-pw')).status).toBe(200);
  });

  it('of 200 parallel sign-ins for one name, one with the right password, at most 10 are evaluated', async () => {
    await createUser(world.url, admin, 'hugo');
    const attempts = await Promise.all(
      Array.from({ length: 200 }, (_, i) => http(world.url, 'POST', '/api/session', { body: { user: 'hugo', password: i === 150 ? 'hugo-pw' : `guess-${i}` } })),
    );
    const evaluated = attempts.filter((a) => a.status === 401 || a.status === 200);
    expect(evaluated.length).toBeLessThanOrEqual(10);
    expect(attempts.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(190);
  });
});
