// The hot-path pieces over a real SQLite store in a temporary directory: the room directory and
// require() (the protocol's error order, from memory), batched read markers, group commit, and
// byte-bounded pages.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../domain';
import { AppError } from '../errors';
import type { NewMessage, Storage } from '../storage/repositories';
import { openSqliteStorage } from '../storage/sqlite-storage';
import { GroupCommit } from './group-commit';
import { DomainEventBus } from './events';
import { MarkerBatch } from './marker-batch';
import { MAX_PAGE_BYTES, newestWithin, oldestWithin } from './page-bounds';
import { type AccessNeed, requireRoom } from './room-access';
import { ReadMarkerService } from './read-marker-service';
import { RoomDirectory } from './room-directory';
import { UserDirectory } from './user-directory';
import { categoryRecord, roomRecord, userNamed } from '../../test/support/records';

const category = categoryRecord({ deniedMembers: ['mallory'] });
const room = roomRecord;
const user = userNamed;

let dir: string;
let storage: Storage;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pchat-hot-'));
  storage = await openSqliteStorage(dir);
  const now = new Date().toISOString();
  await storage.categories.create(category, now);
  for (const name of ['alice', 'mallory']) {
    await storage.users.create({ ...user(name), passwordHash: 'x', disabled: false });
  }
  await storage.rooms.create(room('open'), now);
  await storage.rooms.create(room('secret', { privacy: 'secret', members: ['bob'] }), now);
  await storage.rooms.create(room('off', { disabled: true }), now);
  await storage.rooms.create(room('stage', { type: 'auditorium' }), now);
});

afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : 'thrown';
  }
};

describe('RoomDirectory and requireRoom', () => {
  it('answers in the protocol order: not_found → room_disabled → forbidden → history_disabled', async () => {
    const directory = new RoomDirectory(storage);
    await directory.load();
    const cases: [string, string, AccessNeed, string][] = [
      ['alice', 'nowhere', 'join', 'not_found'],
      ['alice', 'secret', 'join', 'not_found'],
      ['bob', 'secret', 'join', 'ok'],
      ['alice', 'off', 'join', 'room_disabled'],
      ['alice', 'stage', 'join', 'ok'],
      ['alice', 'stage', 'post', 'forbidden'],
      ['mallory', 'open', 'join', 'not_found'],
      ['alice', 'open', 'history', 'ok'],
    ];
    for (const [name, roomId, need, expected] of cases) {
      expect(codeOf(() => requireRoom(directory, user(name), roomId, need)), `${name} ${need} ${roomId}`).toBe(expected);
    }
    directory.putCategory({ ...category, chatHistory: false });
    expect(codeOf(() => requireRoom(directory, user('alice'), 'open', 'history'))).toBe('history_disabled');
    expect(codeOf(() => requireRoom(directory, user('alice'), 'open', 'join'))).toBe('ok');
  });

  it('follows changes made through it and reloads what another server changed', async () => {
    const directory = new RoomDirectory(storage);
    await directory.load();
    expect(directory.all().map((c) => c.room.id)).toEqual(['off', 'open', 'secret', 'stage']);
    directory.removeRoom('off');
    expect(directory.context('off')).toBeUndefined();
    expect(directory.all()).toHaveLength(3);

    // Another server renamed a room and added an add-in: only the store knows.
    await storage.addins.create({ id: 'a1', name: 'Ticker', url: 'https://example.com/' }, new Date().toISOString());
    await storage.rooms.update(room('open', { name: 'zz open', addinId: 'a1' }));
    expect(directory.context('open')?.room.name).toBe('open');
    await directory.reloadRoom('open');
    expect(directory.context('open')).toMatchObject({ room: { name: 'zz open' }, addin: { name: 'Ticker' } });
    expect(directory.all().at(-1)?.room.id).toBe('open');

    directory.removeAddin('a1');
    expect(directory.context('open')?.addin).toBeNull();
    await storage.rooms.delete('stage');
    await directory.reloadRoom('stage');
    expect(directory.context('stage')).toBeUndefined();
  });
});

describe('MarkerBatch', () => {
  it('answers from memory, writes each moved marker once per batch, never moves back, announces reads only', async () => {
    const announced: unknown[] = [];
    let writes = 0;
    const markReadMany = storage.readMarkers.markReadMany.bind(storage.readMarkers);
    storage.readMarkers.markReadMany = (markers) => {
      writes += 1;
      return markReadMany(markers);
    };
    const batch = new MarkerBatch(
      storage,
      20,
      (advanced) => announced.push(...advanced),
      (error) => {
        throw error;
      },
      () => true,
    );
    const alice = 'id-alice';
    expect(await batch.advance(alice, 'open', 3, 'desk')).toBe(3);
    expect(await batch.advance(alice, 'open', 2, 'desk')).toBe(3);
    expect(await batch.advance(alice, 'open', 5, 'desk')).toBe(5);
    expect(batch.advanceKnownAtLeast('id-mallory', 'open', 6)).toBe(6);
    expect(await storage.readMarkers.marker(alice, 'open')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(writes).toBe(1);
    expect(await storage.readMarkers.marker(alice, 'open')).toBe(5);
    expect(await storage.readMarkers.marker('id-mallory', 'open')).toBe(6);
    expect(announced).toEqual([{ userId: alice, roomId: 'open', seq: 5, readBy: 'desk' }]);

    // A marker stored further on (another server) is not moved back by a lower read.
    await storage.readMarkers.markReadMany([{ userId: alice, roomId: 'stage', seq: 9 }]);
    expect(await batch.advance(alice, 'stage', 4, 'desk')).toBe(9);
    await batch.close();
    expect(await storage.readMarkers.marker(alice, 'stage')).toBe(9);
  });

  it('writes what is pending on close', async () => {
    const batch = new MarkerBatch(storage, 60_000, () => undefined, () => undefined, () => true);
    await batch.advance('id-alice', 'open', 7, 'desk');
    await batch.close();
    expect(await storage.readMarkers.marker('id-alice', 'open')).toBe(7);
  });

  it('writes a batch larger than one statement may bind (thousands of users back after a restart)', async () => {
    const rooms = Array.from({ length: 10 }, (_, i) => `busy-${i}`);
    for (const id of rooms) await storage.rooms.create(room(id), new Date().toISOString());
    const users = Array.from({ length: 1000 }, (_, i) => user(`reader${i}`));
    for (const reader of users) await storage.users.create({ ...reader, passwordHash: 'x', disabled: false });
    const errors: unknown[] = [];
    const batch = new MarkerBatch(storage, 60_000, () => undefined, (error) => errors.push(error), () => true);
    // 10,000 markers: 40,000 bound values in one INSERT would pass SQLite's 32,766.
    for (const reader of users) for (const id of rooms) batch.advanceKnownAtLeast(reader.id, id, 3);
    await batch.close();
    expect(errors).toEqual([]);
    expect(await storage.readMarkers.marker('id-reader999', 'busy-9')).toBe(3);
  });

  it('drops the markers of a room deleted before they were written, and writes the others', async () => {
    const errors: unknown[] = [];
    // 'ghost' is not in the store: written, its marker would fail the batch on the foreign key.
    const batch = new MarkerBatch(storage, 60_000, () => undefined, (error) => errors.push(error), (roomId) => roomId !== 'ghost');
    batch.advanceKnownAtLeast('id-alice', 'ghost', 4);
    await batch.advance('id-alice', 'open', 8, 'desk');
    expect([...batch.readersOf('ghost')]).toEqual(['id-alice']);
    await batch.close();
    expect(errors).toEqual([]);
    expect(await storage.readMarkers.marker('id-alice', 'open')).toBe(8);
    expect(batch.knownFor('id-alice').has('ghost')).toBe(false);
    expect(batch.readersOf('ghost').size).toBe(0);
  });
});

describe('GroupCommit', () => {
  const draft = (clientId: string, roomId = 'open'): NewMessage => ({
    id: `m-${clientId}`,
    roomId,
    senderId: 'id-alice',
    senderName: 'alice',
    clientId,
    text: clientId,
    fileId: null,
    createdAt: new Date().toISOString(),
  });

  it('stores concurrent sends in one transaction with consecutive seqs, in order, once per clientId', async () => {
    let batches = 0;
    const insertBatch = storage.messages.insertBatch.bind(storage.messages);
    storage.messages.insertBatch = (items) => {
      batches += 1;
      return insertBatch(items);
    };
    const writer = new GroupCommit(storage);
    const results = await Promise.all(['a', 'b', 'a', 'c'].map((id) => writer.insert(draft(id), null)));
    expect(batches).toBe(1);
    expect(results.map((r) => [r.message.seq, r.created])).toEqual([
      [1, true],
      [2, true],
      [1, false],
      [3, true],
    ]);
    const again = await writer.insert(draft('b'), null);
    expect(again).toMatchObject({ created: false, message: { seq: 2 } });
    expect((await storage.messages.latest('open', 10)).map((m) => m.text)).toEqual(['a', 'b', 'c']);
  });

  it('a message that cannot be stored fails alone', async () => {
    const writer = new GroupCommit(storage);
    const outcomes = await Promise.allSettled([writer.insert(draft('x'), null), writer.insert(draft('y', 'gone'), null), writer.insert(draft('z'), null)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await storage.messages.latest('open', 10)).map((m) => [m.text, m.seq])).toEqual([
      ['x', 1],
      ['z', 2],
    ]);
  });
});

describe('ReadMarkerService on a clustered server', () => {
  const clusteredMarkers = async (flushEveryMs?: number) => {
    const events = new DomainEventBus();
    const directory = new RoomDirectory(storage);
    const users = new UserDirectory(storage, events);
    await Promise.all([directory.load(), users.load()]);
    const markers = new ReadMarkerService(storage, directory, users, events, { clustered: true, flushEveryMs }, (error) => {
      throw error;
    });
    await markers.load();
    return markers;
  };
  const storedByAnotherServer = async (n: number) =>
    (
      await storage.messages.insertIdempotent({
        id: `m-${n}`,
        roomId: 'open',
        senderId: 'id-mallory',
        senderName: 'mallory',
        clientId: `c-${n}`,
        text: `message ${n}`,
        fileId: null,
        createdAt: new Date().toISOString(),
      })
    ).message.seq;

  it('answers a read of a seq another server announced from memory, and asks the store about any other', async () => {
    const markers = await clusteredMarkers(60_000);
    let storeAsked = 0;
    const lastSeq = storage.readMarkers.lastSeq.bind(storage.readMarkers);
    storage.readMarkers.lastSeq = (roomId) => {
      storeAsked += 1;
      return lastSeq(roomId);
    };
    const alice = user('alice');
    const read = (seq: number) => markers.markRead(alice, { roomId: 'open', seq }, 'conn-1');

    // Not announced: the store says where the room ends.
    expect(await read(await storedByAnotherServer(1))).toBe(1);
    const unannounced = read(await storedByAnotherServer(2));
    expect(unannounced).toBeInstanceOf(Promise);
    expect(await unannounced).toBe(2);
    expect(storeAsked).toBe(2);

    // Announced: answered in the same call, nothing asked.
    const third = await storedByAnotherServer(3);
    markers.storedElsewhere('open', third);
    expect(read(third)).toBe(3);
    expect(storeAsked).toBe(2);

    // A read past every stored message still stops at the last one (and an old announcement cannot lower it).
    markers.storedElsewhere('open', 1);
    expect(await read(7)).toBe(3);
    expect(storeAsked).toBe(4);
    await markers.close();
  });

  it('counts a reader another server announced before their marker is stored, and lets the announcement go after a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const markers = await clusteredMarkers();
      expect(await markers.readersToTell('open')).toEqual([]);
      // Announced while this server holds the list, and again when it reads the list afresh.
      markers.readerAddedElsewhere('open', 'id-alice');
      expect(await markers.readersToTell('open')).toEqual(['id-alice']);
      markers.forgetReaders('open');
      expect(await markers.readersToTell('open')).toEqual(['id-alice']);

      // A minute on, with nothing stored for alice, the announcement is dropped: a fresh list no
      // longer has her, and a new announcement still counts.
      vi.setSystemTime(Date.now() + 61_000);
      markers.readerAddedElsewhere('stage', 'id-alice');
      markers.forgetReaders('open');
      expect(await markers.readersToTell('open')).toEqual([]);
      expect(await markers.readersToTell('stage')).toEqual(['id-alice']);
      await markers.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('page bounds', () => {
  const message = (seq: number, text: string): Message => ({
    roomId: 'r',
    seq,
    id: `${seq}`,
    clientId: `${seq}`,
    senderId: 's',
    senderName: 's',
    text,
    createdAt: '',
    file: null,
    editedAt: null,
    replyTo: null,
    reactions: [],
  });

  it('cuts a heavy page to the byte budget, keeping the right end and at least one message', () => {
    const heavy = Array.from({ length: 30 }, (_, i) => message(i + 1, '\u20ac'.repeat(8000)));
    const newest = newestWithin(heavy);
    expect(newest.cut).toBe(true);
    expect(newest.messages.at(-1)?.seq).toBe(30);
    expect(newest.messages.length).toBeLessThan(30);
    expect(newest.messages.reduce((n, m) => n + Buffer.byteLength(m.text), 0)).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    const oldest = oldestWithin(heavy);
    expect(oldest.messages[0]?.seq).toBe(1);
    expect(oldest.messages).toHaveLength(newest.messages.length);
    expect(newestWithin([message(1, 'x'.repeat(MAX_PAGE_BYTES * 2))]).messages).toHaveLength(1);
    const light = Array.from({ length: 30 }, (_, i) => message(i + 1, 'hello'));
    expect(newestWithin(light)).toEqual({ messages: light, cut: false });
  });
});
