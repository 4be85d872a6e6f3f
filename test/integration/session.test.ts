import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../common/config';
import type { SessionResponse } from '../../common/protocol';
import { http, signIn } from './helpers/http-client';
import { connect, connectError, ok, waitFor } from './helpers/socket-client';
import { type World, makeWorld } from './helpers/world';

describe('sessions and the socket handshake', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  afterAll(() => world.close());

  it('refuses sign-in with a wrong password, and sockets without a valid token', async () => {
    const wrong = await http(world.url, 'POST', '/api/session', { body: { user: 'alice', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('bad_credentials');
    const unknown = await http(world.url, 'POST', '/api/session', { body: { user: 'nobody', password: 'nope' } });
    expect(unknown.body.error.code).toBe('bad_credentials');
    expect(await connectError(world.url, {})).toBe('unauthorized');
    expect(await connectError(world.url, { token: 'not-a-token' })).toBe('unauthorized');
  });

  it('sends `session` first, with the user and the default configuration', async () => {
    const { session } = await connect(world.url, world.alice.token);
    expect(session.user).toMatchObject({ id: world.alice.id, name: 'alice', roles: ['user'] });
    expect(session.config).toEqual({
      defaultChatHistory: 30,
      maxFileSizeKB: 20000,
      participantUpdateLimit: 75,
      roomManagementUrl: '',
      maxMessageChars: 8000,
    });
    expect(session.config).toEqual(DEFAULT_CONFIG);
    expect(typeof session.serverVersion).toBe('string');
  });

  it('answers /healthz with the default site and pool', async () => {
    const health = await http(world.url, 'GET', '/healthz');
    expect(health.body).toMatchObject({ ok: true, site: 'default', pool: 'default' });
  });

  it('signing out revokes the token at once and closes its sockets, not others', async () => {
    const session = await signIn(world.url, 'bob', 'bob-pw');
    const { socket } = await connect(world.url, session.token);
    const { socket: other } = await connect(world.url, world.bob.token);
    let disconnected = false;
    socket.on('disconnect', () => (disconnected = true));
    const out = await http(world.url, 'DELETE', '/api/session', { token: session.token });
    expect(out.status).toBe(204);
    await waitFor(() => disconnected, 'the revoked socket to close');
    expect(other.connected).toBe(true);
    await ok(other, 'rooms:list', {});
    expect((await http(world.url, 'POST', '/api/session/handoff', { token: session.token })).status).toBe(401);
    expect(await connectError(world.url, { token: session.token })).toBe('unauthorized');
  });

  it('hand-off codes sign in once, then never again', async () => {
    const handoff = await http<{ code: string; expiresInS: number }>(world.url, 'POST', '/api/session/handoff', { token: world.alice.token });
    expect(handoff.status).toBe(200);
    expect(handoff.body.expiresInS).toBe(60);
    const first = await http<SessionResponse>(world.url, 'POST', '/api/session/redeem', { body: { code: handoff.body.code } });
    expect(first.status).toBe(200);
    expect(first.body.user.name).toBe('alice');
    await connect(world.url, first.body.token);
    const again = await http(world.url, 'POST', '/api/session/redeem', { body: { code: handoff.body.code } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('unauthorized');
    const unknown = await http(world.url, 'POST', '/api/session/redeem', { body: { code: 'made-up' } });
    expect(unknown.status).toBe(401);
    expect((await http(world.url, 'POST', '/api/session/handoff')).status).toBe(401);
  });
});
