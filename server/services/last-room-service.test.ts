// The last-room writer over a real SQLite store: joins are coalesced per user and written in one
// statement per interval, close() writes what is left, a newer join is never replaced by an older
// one (two servers), and a failed write is retried.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LastRoomRecord, LastRoomRepository } from '../storage/last-room-storage';
import type { Storage } from '../storage/repositories';
import { openSqliteDatabase } from '../storage/sqlite-database';
import { openSqliteStorage } from '../storage/sqlite-storage';
import { LastRoomService, WRITE_CHUNK } from './last-room-service';
import { RoomDirectory } from './room-directory';
import { categoryRecord, roomRecord, userNamed } from '../../test/support/records';

const category = categoryRecord();
const room = roomRecord;
const user = userNamed;
const [alice, bob] = [user('alice'), user('bob')];

let dir: string;
let storage: Storage;
let directory: RoomDirectory;
/** Every batch the service wrote, through the real repository. */
let writes: LastRoomRecord[][];
let failNext: number;
let repository: LastRoomRepository;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pchat-last-room-'));
  storage = await openSqliteStorage(dir);
  const now = new Date().toISOString();
  await storage.categories.create(category, now);
  for (const u of [alice, bob]) await storage.users.create({ ...u, passwordHash: 'x', disabled: false });
  for (const r of [room('a'), room('b'), room('c'), room('hidden', { privacy: 'secret', members: ['bob'] })]) await storage.rooms.create(r, now);
  directory = new RoomDirectory(storage);
  await directory.load();
  writes = [];
  failNext = 0;
  repository = {
    get: (userId) => storage.lastRooms.get(userId),
    async putMany(records) {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('store unavailable');
      }
      writes.push([...records]);
      await storage.lastRooms.putMany(records);
    },
  };
});

afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const waitUntil = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
};

describe('LastRoomService', () => {
  it('answers from memory at once and writes a storm of joins as one row per user', async () => {
    const service = new LastRoomService(repository, directory, { clustered: false, flushEveryMs: 60_000 }, () => undefined);
    for (let i = 0; i < 300; i += 1) {
      service.joined(alice.id, ['a', 'b', 'c'][i % 3]!);
      service.joined(bob.id, ['c', 'a'][i % 2]!);
    }
    expect(await service.lastRoomFor(alice)).toBe('c');
    expect(await service.lastRoomFor(bob)).toBe('a');
    expect(writes).toEqual([]);
    await service.close();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.map((r) => [r.userId, r.roomId]).sort()).toEqual([
      [alice.id, 'c'],
      [bob.id, 'a'],
    ]);
    expect((await storage.lastRooms.get(alice.id))?.roomId).toBe('c');
  });

  it('writes each user at most once per interval', async () => {
    const service = new LastRoomService(repository, directory, { clustered: false, flushEveryMs: 100 }, () => undefined);
    const started = Date.now();
    while (Date.now() - started < 350) {
      service.joined(alice.id, Date.now() % 2 === 0 ? 'a' : 'b');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await service.close();
    // About 350 ms of joins every 5 ms: a handful of batches, never one per join.
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.length).toBeLessThanOrEqual(6);
    for (const batch of writes) expect(batch).toHaveLength(1);
  });

  it('writes a restart storm (every user rejoining in one interval) in chunks under the SQLite variable bound', async () => {
    // 12,000 users × 3 variables is past SQLite's 32,766 in one statement; seeded in bulk.
    const users = 12_000;
    await storage.close();
    const db = await openSqliteDatabase(dir);
    const createdAt = new Date().toISOString();
    for (let i = 0; i < users; i += 1000) {
      const rows = Array.from({ length: 1000 }, (_, k) => ({ id: `storm-${i + k}`, name: `storm-${i + k}`, display_name: 'S', password_hash: 'x', roles: '["user"]', disabled: 0, created_at: createdAt }));
      await db.insertInto('users').values(rows).execute();
    }
    await db.destroy();
    storage = await openSqliteStorage(dir);
    const errors: unknown[] = [];
    const service = new LastRoomService(repository, directory, { clustered: false, flushEveryMs: 60_000 }, (error) => errors.push(error));
    for (let i = 0; i < users; i += 1) service.joined(`storm-${i}`, i % 2 === 0 ? 'a' : 'b');
    await service.close();
    expect(errors).toEqual([]);
    expect(writes.reduce((n, batch) => n + batch.length, 0)).toBe(users);
    expect(Math.max(...writes.map((batch) => batch.length))).toBeLessThanOrEqual(WRITE_CHUNK);
    expect((await storage.lastRooms.get('storm-11999'))?.roomId).toBe('b');
  });

  it('offers only a room the user may still find', async () => {
    const service = new LastRoomService(repository, directory, { clustered: false }, () => undefined);
    service.joined(alice.id, 'hidden');
    expect(await service.lastRoomFor(alice)).toBeNull();
    service.joined(alice.id, 'gone');
    expect(await service.lastRoomFor(alice)).toBeNull();
    await service.close();
  });

  it('reads the store when memory knows nothing, and keeps the newer join across two servers', async () => {
    const here = new LastRoomService(repository, directory, { clustered: true }, () => undefined);
    const there = new LastRoomService(storage.lastRooms, directory, { clustered: true }, () => undefined);
    expect(await here.lastRoomFor(alice)).toBeNull();
    here.joined(alice.id, 'a');
    await new Promise((resolve) => setTimeout(resolve, 5));
    there.joined(alice.id, 'b');
    // The newer join is written first; the older one written after it must not replace it.
    await there.close();
    await here.close();
    expect((await storage.lastRooms.get(alice.id))?.roomId).toBe('b');
    // A clustered server asks the store, and the store's join is newer than what it remembers.
    expect(await here.lastRoomFor(alice)).toBe('b');
    const third = new LastRoomService(storage.lastRooms, directory, { clustered: false }, () => undefined);
    expect(await third.lastRoomFor(alice)).toBe('b');
  });

  it('retries a failed write with the next batch, reporting the error', async () => {
    const errors: unknown[] = [];
    const service = new LastRoomService(repository, directory, { clustered: false, flushEveryMs: 20 }, (error) => errors.push(error));
    failNext = 1;
    service.joined(alice.id, 'a');
    await waitUntil(() => writes.length === 1);
    expect(errors).toHaveLength(1);
    expect(writes[0]).toMatchObject([{ userId: alice.id, roomId: 'a' }]);
    await service.close();
    expect((await storage.lastRooms.get(alice.id))?.roomId).toBe('a');
  });
});
