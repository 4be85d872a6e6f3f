import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffectiveConfig } from '../../common/protocol';
import { createCategory, createRoom, createUser, http, signInAdmin } from './helpers/http-client';
import { closeAllSockets, connect, ok, record, settle, waitFor } from './helpers/socket-client';
import { type TestServer, startTestServer } from './helpers/test-server';

describe('configuration scopes', () => {
  let server: TestServer;
  let admin: string;
  const put = (scope: string, body: unknown) => http(server.url, 'PUT', `/api/admin/config/${scope}`, { token: admin, body });

  beforeAll(async () => {
    server = await startTestServer({ site: 'paris', pool: 'p1' });
    admin = (await signInAdmin(server.url)).token;
  });
  afterAll(async () => {
    closeAllSockets();
    await server.close();
  });

  it('resolves pool over site over global, field by field, and pushes config:updated to every client', async () => {
    const clients = await Promise.all([connect(server.url, admin), connect(server.url, admin)]);
    const heard = clients.map(({ socket }) => record(socket, 'config:updated'));
    const latest = () => heard.map((h) => h.at(-1)?.config);
    const expectEveryone = async (want: Partial<EffectiveConfig>) => {
      await waitFor(() => latest().every((c) => c !== undefined && Object.entries(want).every(([k, v]) => c[k as keyof EffectiveConfig] === v)), JSON.stringify(want));
    };

    expect((await put('global', { defaultChatHistory: 40, maxMessageChars: 500 })).body).toEqual({ scope: 'global', defaultChatHistory: 40, maxMessageChars: 500 });
    await expectEveryone({ defaultChatHistory: 40, maxMessageChars: 500 });
    await put('site:paris', { defaultChatHistory: 50 });
    await expectEveryone({ defaultChatHistory: 50 });
    await put('pool:p1', { maxFileSizeKB: 10 });
    await expectEveryone({ defaultChatHistory: 50, maxFileSizeKB: 10, maxMessageChars: 500 });
    // Merge: a second PUT keeps the fields it does not name.
    expect((await put('pool:p1', { defaultChatHistory: 60 })).body).toEqual({ scope: 'pool:p1', maxFileSizeKB: 10, defaultChatHistory: 60 });
    await expectEveryone({ defaultChatHistory: 60, maxFileSizeKB: 10 });

    // Another site's or pool's entry does not touch this server.
    await put('site:london', { defaultChatHistory: 7 });
    await put('pool:p2', { defaultChatHistory: 8 });
    const config = await http(server.url, 'GET', '/api/admin/config', { token: admin });
    expect(config.body.effective).toEqual({ defaultChatHistory: 60, maxFileSizeKB: 10, participantUpdateLimit: 75, roomManagementUrl: '', maxMessageChars: 500 });
    expect((config.body.entries as { scope: string }[]).map((e) => e.scope).sort()).toEqual(['global', 'pool:p1', 'pool:p2', 'site:london', 'site:paris']);

    // null removes a field so it inherits again; DELETE removes the whole entry.
    await put('pool:p1', { defaultChatHistory: null });
    await expectEveryone({ defaultChatHistory: 50, maxFileSizeKB: 10 });
    expect((await http(server.url, 'DELETE', '/api/admin/config/site:paris', { token: admin })).status).toBe(204);
    await expectEveryone({ defaultChatHistory: 40 });
    await put('global', { roomManagementUrl: 'https://manage.example.com/rooms' });
    await expectEveryone({ roomManagementUrl: 'https://manage.example.com/rooms' });

    // A new connection starts from the effective configuration.
    const fresh = await connect(server.url, admin);
    expect(fresh.session.config).toEqual({ defaultChatHistory: 40, maxFileSizeKB: 10, participantUpdateLimit: 75, roomManagementUrl: 'https://manage.example.com/rooms', maxMessageChars: 500 });
  });

  it('applies maxMessageChars to sends at once', async () => {
    await put('global', { maxMessageChars: 5 });
    const category = await createCategory(server.url, admin, { name: 'Short' });
    const room = await createRoom(server.url, admin, { name: 'Tiny', categoryId: category.id, privacy: 'open' });
    const { socket } = await connect(server.url, admin);
    expect((await ok(socket, 'message:send', { roomId: room.id, clientId: 'a', text: 'hello' })).message.text).toBe('hello');
    const tooLong = await socket.timeout(3000).emitWithAck('message:send', { roomId: room.id, clientId: 'b', text: 'hello!' });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('roster and the participant update limit', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = (await signInAdmin(server.url)).token;
  });
  afterAll(async () => {
    closeAllSockets();
    await server.close();
  });

  it('sends full lists up to the limit, one truncated marker above it, and re-evaluates when the limit changes', async () => {
    await http(server.url, 'PUT', '/api/admin/config/global', { token: admin, body: { participantUpdateLimit: 2 } });
    const category = await createCategory(server.url, admin, { name: 'Crowd' });
    const room = await createRoom(server.url, admin, { name: 'Hall', categoryId: category.id, privacy: 'open' });
    const users = await Promise.all(['u1', 'u2', 'u3', 'u4'].map((n) => createUser(server.url, admin, n)));

    const { socket: watcher } = await connect(server.url, users[0]!.token);
    const first = await ok(watcher, 'room:join', { roomId: room.id });
    expect(first.roster).toMatchObject({ count: 1, truncated: false, participants: [{ userId: users[0]!.user.id }] });
    const updates = record(watcher, 'roster:update');

    // u1's second window: same user, no change, no update; its join ack shows the roster.
    const { socket: second } = await connect(server.url, users[0]!.token);
    expect((await ok(second, 'room:join', { roomId: room.id })).roster.count).toBe(1);
    const seconds = record(second, 'roster:update');

    const sockets = [];
    for (const u of users.slice(1)) {
      const { socket } = await connect(server.url, u.token);
      sockets.push(socket);
      await ok(socket, 'room:join', { roomId: room.id });
    }
    await waitFor(() => updates.length >= 2, 'two roster updates');
    await settle();
    expect(updates).toEqual([
      { roomId: room.id, count: 2, truncated: false, participants: expect.any(Array) },
      { roomId: room.id, count: 3, truncated: true, participants: null },
    ]);
    expect(seconds).toEqual(updates);
    // The join ack above the limit carries the count and no list.
    const late = await ok(sockets[2]!, 'room:join', { roomId: room.id });
    expect(late.roster).toEqual({ roomId: room.id, count: 4, truncated: true, participants: null });

    // Raising the limit brings the full list back at once, to every socket in the room.
    await http(server.url, 'PUT', '/api/admin/config/global', { token: admin, body: { participantUpdateLimit: 10 } });
    await waitFor(() => updates.length === 3, 'the full list after raising the limit');
    expect(updates[2]).toMatchObject({ count: 4, truncated: false });
    expect(updates[2]!.participants!.map((p) => p.userId).sort()).toEqual(users.map((u) => u.user.id).sort());

    // Lowering it again sends the marker; leaving under it sends the list again.
    await http(server.url, 'PUT', '/api/admin/config/global', { token: admin, body: { participantUpdateLimit: 3 } });
    await waitFor(() => updates.length === 4, 'the marker after lowering the limit');
    expect(updates[3]).toEqual({ roomId: room.id, count: 4, truncated: true, participants: null });
    await ok(sockets[0]!, 'room:leave', { roomId: room.id });
    await waitFor(() => updates.length === 5, 'the list after someone left');
    expect(updates[4]).toMatchObject({ count: 3, truncated: false });
    sockets[1]!.disconnect();
    await waitFor(() => updates.length === 6, 'the list after a disconnect');
    expect(updates[5]).toMatchObject({ count: 2, truncated: false });
  });
});

describe('several servers on one store', () => {
  it('tells the clients of every server whose effective configuration changed', async () => {
    const a = await startTestServer({ pool: 'p1' });
    const b = await startTestServer({ pool: 'p2', dataDir: a.dataDir, database: a.database });
    try {
      const admin = (await signInAdmin(a.url)).token;
      const onA = record((await connect(a.url, admin)).socket, 'config:updated');
      const onB = record((await connect(b.url, admin)).socket, 'config:updated');
      await http(a.url, 'PUT', '/api/admin/config/global', { token: admin, body: { defaultChatHistory: 12 } });
      await waitFor(() => onA.at(-1)?.config.defaultChatHistory === 12 && onB.at(-1)?.config.defaultChatHistory === 12, 'both servers');
      await http(a.url, 'PUT', '/api/admin/config/pool:p2', { token: admin, body: { maxFileSizeKB: 3 } });
      await waitFor(() => onB.at(-1)?.config.maxFileSizeKB === 3, 'the pool p2 server');
      await settle(1500);
      expect(onA.every((u) => u.config.maxFileSizeKB === 20000)).toBe(true);
      expect((await http(b.url, 'GET', '/api/admin/config', { token: admin })).body.effective).toMatchObject({ defaultChatHistory: 12, maxFileSizeKB: 3 });
    } finally {
      closeAllSockets();
      await b.close();
      await a.close();
    }
  });
});
