// The last room a user joined follows them to every device (rooms:list `lastRoomId`,
// docs/protocol.md "What pchat adds"): two sockets of one user are two devices. The restart case
// runs on SQLite and, where a PostgreSQL server answers, on PostgreSQL (saying so when it cannot).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { createCategory, createRoom, createUser, http, signIn, signInAdmin } from './helpers/http-client';
import { createTempDatabase, postgresReachable } from './helpers/postgres';
import { type ClientSocket, connect, ok, request } from './helpers/socket-client';
import { ADMIN_PASSWORD } from './helpers/test-server';
import { type World, connectAs, makeWorld } from './helpers/world';

const lastRoomOf = async (socket: ClientSocket) => (await ok(socket, 'rooms:list', {})).lastRoomId;

describe('last room across devices', () => {
  let world: World;
  let laptop: ClientSocket;
  let phone: ClientSocket;

  beforeAll(async () => {
    world = await makeWorld();
    laptop = (await connectAs(world, world.alice)).socket;
    phone = (await connectAs(world, world.alice)).socket;
  });
  afterAll(() => world.close());

  it('is null before any join, then the room last joined on any device', async () => {
    expect(await lastRoomOf(phone)).toBeNull();
    const second = await createRoom(world.url, world.adminToken, { name: 'Second', categoryId: world.category.id, privacy: 'open' });
    await ok(laptop, 'room:join', { roomId: world.room.id });
    expect(await lastRoomOf(phone)).toBe(world.room.id);
    await ok(laptop, 'room:join', { roomId: second.id });
    expect(await lastRoomOf(phone)).toBe(second.id);
    expect(await lastRoomOf(laptop)).toBe(second.id);
    // Another user's joins are theirs alone.
    const bob = (await connectAs(world, world.bob)).socket;
    expect(await lastRoomOf(bob)).toBeNull();
    await ok(bob, 'room:join', { roomId: world.room.id });
    expect(await lastRoomOf(bob)).toBe(world.room.id);
    expect(await lastRoomOf(phone)).toBe(second.id);
  });

  it('counts only joins answered ok', async () => {
    await ok(phone, 'room:join', { roomId: world.room.id });
    const closed = await createRoom(world.url, world.adminToken, { name: 'Closed', categoryId: world.category.id, privacy: 'closed', members: ['bob'] });
    expect(await request(laptop, 'room:join', { roomId: closed.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await request(laptop, 'room:join', { roomId: 'no-such-room' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await lastRoomOf(laptop)).toBe(world.room.id);
  });

  it('is null once the caller may no longer find the room (secret room left, room deleted)', async () => {
    const secret = await createRoom(world.url, world.adminToken, { name: 'Secret', categoryId: world.category.id, privacy: 'secret', members: ['alice'] });
    await ok(laptop, 'room:join', { roomId: secret.id });
    expect(await lastRoomOf(phone)).toBe(secret.id);
    await http(world.url, 'PATCH', `/api/rooms/${secret.id}`, { token: world.adminToken, body: { members: ['bob'] } });
    expect(await lastRoomOf(phone)).toBeNull();

    const doomed = await createRoom(world.url, world.adminToken, { name: 'Doomed', categoryId: world.category.id, privacy: 'open' });
    await ok(phone, 'room:join', { roomId: doomed.id });
    expect(await lastRoomOf(laptop)).toBe(doomed.id);
    expect((await http(world.url, 'DELETE', `/api/admin/rooms/${doomed.id}`, { token: world.adminToken })).status).toBe(204);
    expect(await lastRoomOf(laptop)).toBeNull();
  });
});

const PG_ADMIN_URL = process.env.PCHAT_TEST_POSTGRES_URL || 'postgres://pchat:pchat@127.0.0.1/postgres';
const pgReachable = await postgresReachable(PG_ADMIN_URL);
if (!pgReachable) console.warn('SKIPPED: last room across a restart on PostgreSQL — no PostgreSQL server answers');

describe.each([
  { store: 'SQLite', postgres: false },
  { store: 'PostgreSQL', postgres: true },
])('last room across a restart ($store)', ({ postgres }) => {
  let dataDir: string;
  let database: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pchat-last-room-'));
    if (postgres && pgReachable) {
      const temp = await createTempDatabase(PG_ADMIN_URL);
      database = temp.url;
      dropDatabase = () => temp.drop();
    }
  });
  afterAll(async () => {
    await dropDatabase?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    startServer({ host: '127.0.0.1', port: 0, dataDir, database, adminPassword: ADMIN_PASSWORD, webRoot: join(dataDir, 'no-web-build') });

  it.skipIf(postgres && !pgReachable)('is written when the server closes and read back by the next one', async () => {
    const first = await start();
    const admin = await signInAdmin(first.url);
    const category = await createCategory(first.url, admin.token, { name: 'Restart' });
    const [a, b] = await Promise.all(['Kept A', 'Kept B'].map((name) => createRoom(first.url, admin.token, { name, categoryId: category.id, privacy: 'open' })));
    const carol = await createUser(first.url, admin.token, 'carol');
    const device = (await connect(first.url, carol.token)).socket;
    // A storm of joins: only the last one is remembered (written at close, well within the interval).
    for (const room of [a, b, a, b]) await ok(device, 'room:join', { roomId: room!.id });
    device.disconnect();
    await first.close();

    const second = await start();
    try {
      const again = await signIn(second.url, 'carol', 'carol-pw');
      const fresh = (await connect(second.url, again.token)).socket;
      expect(await lastRoomOf(fresh)).toBe(b!.id);
      fresh.disconnect();
    } finally {
      await second.close();
    }
  });
});
