// Sessions that end by themselves (PROTOCOL.md §10), on a server of their own because the limits
// are global: an open socket whose session passes its limit is closed within 60 s, and the token
// then gets 401 and connect_error "unauthorized"; PCHAT_ADMIN_PASSWORD at start ends the admin's
// sessions only when it differs from the stored one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionsResponse } from '../../common/session-api';
import { createCategory, createRoom, http, signIn, signInAdmin } from './helpers/http-client';
import { POSTGRES_ADMIN_URL, createTempDatabase } from './helpers/postgres';
import { closeAllSockets, connect, connectError, ok, request, waitFor } from './helpers/socket-client';
import { startTestServer } from './helpers/test-server';

describe('session expiry', () => {
  it('closes an open socket within 60 s of its session expiring; the token is then refused everywhere', { timeout: 180_000 }, async () => {
    const server = await startTestServer();
    try {
      const admin = await signInAdmin(server.url);
      const { socket } = await connect(server.url, admin.token);
      let closedAt = 0;
      socket.on('disconnect', () => (closedAt = Date.now()));
      // A change applies to sessions that already exist: this one now ends a minute after sign-in.
      const put = await http(server.url, 'PUT', '/api/admin/config/global', { token: admin.token, body: { sessionMaxMinutes: 1 } });
      expect(put.status).toBe(200);
      const listed = await http<SessionsResponse>(server.url, 'GET', '/api/sessions', { token: admin.token });
      const expiresAt = Date.parse(listed.body.sessions[0]!.expiresAt);
      expect(expiresAt).toBeLessThanOrEqual(Date.parse(admin.expiresAt));
      expect(expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
      await waitFor(() => closedAt > 0, 'the expired socket to close', 140_000);
      expect(closedAt).toBeGreaterThanOrEqual(expiresAt - 1000);
      expect(closedAt - expiresAt).toBeLessThan(60_000);
      const after = await http(server.url, 'GET', '/api/sessions', { token: admin.token });
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('unauthorized');
      expect(await connectError(server.url, { token: admin.token })).toBe('unauthorized');
      // A new sign-in works, under the same limit.
      const fresh = await signInAdmin(server.url);
      expect(Date.parse(fresh.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    } finally {
      closeAllSockets();
      await server.close();
    }
  });

  it('refuses an event past the session\'s limit at once: nothing of it is done, the socket closes', async () => {
    let clock = Date.now();
    const server = await startTestServer({ sessionClock: () => clock });
    try {
      const admin = await signInAdmin(server.url);
      const category = await createCategory(server.url, admin.token, { name: 'Late' });
      const room = await createRoom(server.url, admin.token, { name: 'Too late', categoryId: category.id, privacy: 'open' });
      const { socket } = await connect(server.url, admin.token);
      await ok(socket, 'message:send', { roomId: room.id, clientId: 'in-time', text: 'in time' });
      let closed = false;
      socket.on('disconnect', () => (closed = true));
      // Past any limit (absolute and idle) at once, long before the next sweep.
      clock += 400 * 24 * 60 * 60_000;
      // Never answered: the socket closes instead (socket.io-client then fails the request).
      const late = request(socket, 'message:send', { roomId: room.id, clientId: 'too-late', text: 'too late' }).then(
        () => 'answered',
        (error: unknown) => String(error),
      );
      await waitFor(() => closed, 'the socket of the ended session to close', 5000);
      expect(await late).toMatch(/disconnected/);
      const fresh = await signInAdmin(server.url);
      const { socket: again } = await connect(server.url, fresh.token);
      const stored = await ok(again, 'messages:since', { roomId: room.id, afterSeq: 0 });
      expect(stored.messages.map((m) => m.text)).toEqual(['in time']);
    } finally {
      closeAllSockets();
      await server.close();
    }
  });

  it('PCHAT_ADMIN_PASSWORD at start ends the admin\'s sessions only when it differs from the stored one', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pchat-it-admin-'));
    const temp = POSTGRES_ADMIN_URL === undefined ? undefined : await createTempDatabase(POSTGRES_ADMIN_URL);
    const start = (adminPassword: string) => startTestServer({ dataDir, database: temp?.url, adminPassword });
    try {
      let server = await start('first');
      const first = await signIn(server.url, 'admin', 'first');
      await server.close();

      server = await start('first');
      expect((await http(server.url, 'GET', '/api/sessions', { token: first.token })).status).toBe(200);
      await server.close();

      server = await start('second');
      expect((await http(server.url, 'GET', '/api/sessions', { token: first.token })).status).toBe(401);
      expect((await http(server.url, 'POST', '/api/session', { body: { user: 'admin', password: 'first' } })).status).toBe(401);
      expect((await signIn(server.url, 'admin', 'second')).user.roles).toContain('admin');
      await server.close();
    } finally {
      await temp?.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
