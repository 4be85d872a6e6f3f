// MarkerBatch.unwrittenFor over a real SQLite store: rooms:list asks memory only about the markers
// the store may not hold yet, so that set must hold every marker from its raise until its write
// is done (and not a moment less), then let it go.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadMarkerRepository, Storage } from '../storage/repositories';
import { openSqliteStorage } from '../storage/sqlite-storage';
import { MarkerBatch } from './marker-batch';

let dir: string;
let storage: Storage;
const ROOMS = ['one', 'two'];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pchat-marker-batch-'));
  storage = await openSqliteStorage(dir);
  const now = new Date().toISOString();
  await storage.categories.create(
    { id: 'cat', name: 'Cat', description: '', invitations: true, fileUpload: true, chatHistory: true, messageEdits: true, allowedMembers: ['*'], deniedMembers: [], creators: [] },
    now,
  );
  await storage.users.create({ id: 'id-alice', name: 'alice', displayName: 'alice', roles: ['user'], passwordHash: 'x', disabled: false });
  for (const id of ROOMS) {
    await storage.rooms.create(
      { id, name: id, categoryId: 'cat', description: '', type: 'normal', privacy: 'open', disabled: false, addinId: null, invitations: false, createdBy: null, members: [], managers: [], presenters: [] },
      now,
    );
  }
});

afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

/** Holds each batch write until the test lets it go (or fails it). */
function gateWrites(): { written: () => Promise<void>; release: () => void; fail: () => void } {
  const write = storage.readMarkers.markReadMany.bind(storage.readMarkers);
  let arrived: () => void = () => undefined;
  let gate: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let arrival = new Promise<void>((resolve) => (arrived = resolve));
  const markReadMany: ReadMarkerRepository['markReadMany'] = async (markers) => {
    await new Promise<void>((resolve, reject) => {
      gate = { resolve, reject };
      arrived();
    });
    await write(markers);
  };
  storage.readMarkers.markReadMany = markReadMany;
  return {
    written: async () => {
      await arrival;
      arrival = new Promise<void>((resolve) => (arrived = resolve));
    },
    release: () => gate?.resolve(),
    fail: () => gate?.reject(new Error('store down')),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const copy = (map: ReadonlyMap<string, number>) => Object.fromEntries(map);

describe('MarkerBatch.unwrittenFor', () => {
  it('holds a marker from its raise until its write is done, then only the store has it', async () => {
    const writes = gateWrites();
    const batch = new MarkerBatch(storage, 5, () => undefined, () => undefined, () => true);
    expect(batch.unwrittenFor('id-alice').size).toBe(0);
    await batch.advance('id-alice', 'one', 4, 'desk');
    batch.advanceKnownAtLeast('id-alice', 'two', 7);
    expect(copy(batch.unwrittenFor('id-alice'))).toEqual({ one: 4, two: 7 });

    // Taken out of the pending set, not yet in the store: still unwritten.
    await writes.written();
    expect(copy(batch.unwrittenFor('id-alice'))).toEqual({ one: 4, two: 7 });
    // Moved again while the write is under way: the newer seq waits for the next batch.
    await batch.advance('id-alice', 'one', 6, 'desk');
    writes.release();
    await settle();
    expect(copy(batch.unwrittenFor('id-alice'))).toEqual({ one: 6 });
    expect(await storage.readMarkers.marker('id-alice', 'two')).toBe(7);

    await writes.written();
    writes.release();
    await settle();
    expect(batch.unwrittenFor('id-alice').size).toBe(0);
    expect(await storage.readMarkers.marker('id-alice', 'one')).toBe(6);
    // Memory still knows them (a read answers from it); only the store is no longer behind.
    expect(copy(batch.knownFor('id-alice'))).toEqual({ one: 6, two: 7 });
    await batch.close();
  });

  it('keeps markers whose write failed until a later batch writes them', async () => {
    const writes = gateWrites();
    const errors: unknown[] = [];
    const batch = new MarkerBatch(storage, 5, () => undefined, (error) => errors.push(error), () => true);
    await batch.advance('id-alice', 'one', 3, 'desk');
    await writes.written();
    writes.fail();
    await settle();
    expect(errors).toHaveLength(1);
    expect(copy(batch.unwrittenFor('id-alice'))).toEqual({ one: 3 });

    await writes.written();
    writes.release();
    await settle();
    expect(batch.unwrittenFor('id-alice').size).toBe(0);
    expect(await storage.readMarkers.marker('id-alice', 'one')).toBe(3);
    await batch.close();
  });

  it('after a failed write, writes each marker at its newest seq and still tells the other devices of a read', async () => {
    const writes = gateWrites();
    const announced: unknown[] = [];
    const batch = new MarkerBatch(storage, 5, (advanced) => announced.push(...advanced), () => undefined, () => true);
    await batch.advance('id-alice', 'one', 3, 'desk');
    await writes.written();
    // Moved again by the user's own message while the doomed write is under way.
    batch.advanceKnownAtLeast('id-alice', 'one', 5);
    writes.fail();
    await writes.written();
    writes.release();
    await settle();
    expect(await storage.readMarkers.marker('id-alice', 'one')).toBe(5);
    // The read (not the send) moved it, so the devices hear of it once, at the seq written.
    expect(announced).toEqual([{ userId: 'id-alice', roomId: 'one', seq: 5, readBy: 'desk' }]);
    expect(batch.unwrittenFor('id-alice').size).toBe(0);
    await batch.close();
  });

  it('names the connection whose reads moved a marker, null when several did, and nothing for a send alone', async () => {
    const announced: unknown[] = [];
    const batch = new MarkerBatch(storage, 5, (advanced) => announced.push(...advanced), () => undefined, () => true);
    await batch.advance('id-alice', 'one', 1, 'desk');
    await batch.advance('id-alice', 'one', 2, 'desk');
    batch.advanceKnownAtLeast('id-alice', 'one', 3);
    await batch.advance('id-alice', 'two', 1, 'desk');
    await batch.advance('id-alice', 'two', 2, 'phone');
    await settle();
    expect(announced).toEqual([
      { userId: 'id-alice', roomId: 'one', seq: 3, readBy: 'desk' },
      { userId: 'id-alice', roomId: 'two', seq: 2, readBy: null },
    ]);
    announced.length = 0;
    batch.advanceKnownAtLeast('id-alice', 'one', 4);
    await settle();
    expect(announced).toEqual([]);
    expect(await storage.readMarkers.marker('id-alice', 'one')).toBe(4);
    await batch.close();
  });

  it('forgets the markers of a room deleted before they were written', async () => {
    const gone = new Set<string>();
    const batch = new MarkerBatch(storage, 5, () => undefined, () => undefined, (roomId) => !gone.has(roomId));
    await batch.advance('id-alice', 'one', 2, 'desk');
    await batch.advance('id-alice', 'two', 2, 'desk');
    gone.add('two');
    await settle();
    expect(batch.unwrittenFor('id-alice').size).toBe(0);
    expect(batch.knownFor('id-alice').has('two')).toBe(false);
    await batch.close();
  });
});
