import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from './helpers/http-client';
import { type ClientSocket, ok, request } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

/** Emits anything at all, bypassing the typed API, and waits for an ack if one is asked for. */
function rawEmit(socket: ClientSocket, event: string, ...args: unknown[]): Promise<unknown> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> } };
  return raw.timeout(3000).emitWithAck(event, ...args);
}

describe('bad input never hurts the server', () => {
  let world: World;
  let alice: ClientSocket;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await world.close();
  });

  it('answers garbage payloads with bad_request', async () => {
    const cases: [string, unknown][] = [
      ['room:join', {}],
      ['room:join', null],
      ['room:join', 'lobby'],
      ['room:join', { roomId: 42 }],
      ['room:history', { roomId: world.room.id, beforeSeq: 0, limit: 10 }],
      ['room:history', { roomId: world.room.id, beforeSeq: 5, limit: 201 }],
      ['room:history', { roomId: world.room.id, beforeSeq: 1.5, limit: 10 }],
      ['messages:since', { roomId: world.room.id, afterSeq: -1 }],
      ['message:send', { roomId: world.room.id, clientId: '', text: 'x' }],
      ['message:send', { roomId: world.room.id, clientId: 'a', text: 7 }],
      ['message:send', [1, 2, 3]],
      ['search', { query: '' }],
      ['search', { query: 'x', limit: 500 }],
    ];
    for (const [event, payload] of cases) {
      const answer = await rawEmit(alice, event, payload);
      expect([event, answer]).toMatchObject([event, { ok: false, error: { code: 'bad_request' } }]);
    }
  });

  it('survives missing ack callbacks, no arguments and unknown events', async () => {
    const raw = alice as unknown as { emit(event: string, ...args: unknown[]): void };
    raw.emit('message:send', { roomId: world.room.id, clientId: 'no-ack', text: 'fire and forget' });
    raw.emit('room:join');
    raw.emit('rooms:list', undefined, undefined);
    raw.emit('no:such:event', { x: 1 });
    const list = await ok(alice, 'rooms:list', {});
    expect(list.rooms.map((r) => r.name)).toContain('Lobby');
    // The fire-and-forget send was still stored. Nothing orders it before the requests above (it
    // has no ack to wait for, and a connection's handlers run concurrently), so look until it is
    // there, within a bound.
    let texts: string[] = [];
    for (let attempt = 0; attempt < 50 && !texts.includes('fire and forget'); attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      texts = (await ok(alice, 'messages:since', { roomId: world.room.id, afterSeq: 0 })).messages.map((m) => m.text);
    }
    expect(texts).toContain('fire and forget');
    expect(alice.connected).toBe(true);
    expect(unhandled).toEqual([]);
  });

  it('answers unknown rooms with not_found', async () => {
    for (const event of ['room:join', 'room:leave'] as const) {
      expect(await request(alice, event, { roomId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await request(alice, 'message:send', { roomId: 'nope', clientId: 'c', text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers bad HTTP bodies with 400 bad_request, never 500', async () => {
    const bodies: [string, string, unknown][] = [
      ['POST', '/api/session', '{not json'],
      ['POST', '/api/session', { user: 5 }],
      ['POST', '/api/session/redeem', {}],
      ['POST', '/api/admin/users', { name: '' }],
      ['POST', '/api/admin/categories', { name: 'x', fileUpload: 'yes' }],
      ['POST', '/api/admin/addins', { name: 'evil', url: 'javascript:alert(1)' }],
      ['POST', '/api/admin/addins', { name: 'file', url: 'file:///etc/passwd' }],
      ['PUT', '/api/admin/config/global', { defaultChatHistory: 0 }],
      ['PUT', '/api/admin/config/global', { defaultChatHistory: 501 }],
      ['PUT', '/api/admin/config/global', { roomManagementUrl: 'ftp://x' }],
      ['PUT', '/api/admin/config/global', { unknownField: 1 }],
      ['PUT', '/api/admin/config/nowhere', { defaultChatHistory: 5 }],
      ['DELETE', '/api/admin/config/global', undefined],
      ['POST', '/api/rooms', { name: 'x' }],
      ['PATCH', `/api/rooms/${world.room.id}`, { privacy: 'public' }],
    ];
    for (const [method, path, body] of bodies) {
      const result = await http(world.url, method, path, { token: world.adminToken, body });
      expect([method, path, result.status, result.body?.error?.code]).toEqual([method, path, 400, 'bad_request']);
    }
  });

  it('refuses an oversized JSON body without falling over', async () => {
    const result = await http(world.url, 'POST', '/api/session', { body: { user: 'a', password: 'x'.repeat(2_000_000) } });
    expect(result.status).toBe(413);
    expect((await http(world.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('keeps non-administrators out of the admin API', async () => {
    const result = await http(world.url, 'GET', '/api/admin/config', { token: world.alice.token });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('forbidden');
    expect((await http(world.url, 'GET', '/api/admin/config')).status).toBe(401);
  });
});

describe('U+0000 in input', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  afterAll(() => world.close());

  it('is refused with bad_request everywhere, on either store', async () => {
    const { socket } = await connectAs(world, world.alice);
    for (const payload of [
      { roomId: world.room.id, clientId: 'n1', text: 'a\u0000b' },
      { roomId: world.room.id, clientId: 'n\u00002', text: 'ok' },
      { roomId: `${world.room.id}\u0000`, clientId: 'n3', text: 'ok' },
    ]) {
      expect(await request(socket, 'message:send', payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await request(socket, 'search', { query: 'x\u0000' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const body = await http(world.url, 'POST', '/api/rooms', { token: world.adminToken, body: { name: 'nul\u0000room', categoryId: world.category.id } });
    expect([body.status, body.body.error.code]).toEqual([400, 'bad_request']);
    expect((await http(world.url, 'GET', '/api/rooms/%00', { token: world.adminToken })).status).toBe(400);
    expect((await http(world.url, 'GET', '/api/rooms?q=%00', { token: world.adminToken })).status).toBe(400);
    expect((await ok(socket, 'message:send', { roomId: world.room.id, clientId: 'fine', text: 'still works' })).message.seq).toBeGreaterThan(0);
  });
});
