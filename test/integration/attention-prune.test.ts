// The mention prune (server/services/mention-sweep.ts): rows at or below the user's stored read
// marker, and rows whose message is gone, are deleted page by page; unread rows stay, and so
// do the counts of rooms:list. Rows of a deleted room go with it. The table is read through the
// storage API on a second handle of the server's own database. SQLite, and PostgreSQL with
// PCHAT_TEST_POSTGRES_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMentionSweep, sweepMentions } from '../../server/services/mention-sweep';
import type { Storage } from '../../server/storage/repositories';
import { http } from './helpers/http-client';
import { type ClientSocket, ok } from './helpers/socket-client';
import { type MentionWorld, makeMentionWorld } from './helpers/mention-world';
import type { World } from './helpers/world';

describe('mention prune', () => {
  let world: World;
  let store: Storage;
  let bob: ClientSocket;
  let carol: ClientSocket;
  let carolId: string;
  let send: MentionWorld['send'];
  let mentions: MentionWorld['mentions'];
  let rows: MentionWorld['rows'];
  let openRoom: MentionWorld['openRoom'];
  let close: MentionWorld['close'];
  /** Markers reach the store in batches; the prune reads only what is stored. */
  const readStored = async (socket: ClientSocket, userId: string, roomId: string, seq: number) => {
    await ok(socket, 'room:read', { roomId, seq });
    await expect.poll(() => store.readMarkers.marker(userId, roomId), { timeout: 5000 }).toBe(seq);
  };

  beforeAll(async () => {
    ({ world, store, bob, carol, carolId, send, mentions, rows, openRoom, close } = await makeMentionWorld());
  });
  afterAll(() => close());

  it('deletes rows at or below the stored read marker and rows of gone messages, page by page; keeps unread ones', async () => {
    const room = await openRoom('Pruned');
    for (let i = 1; i <= 6; i++) await send(room.id, i % 2 === 0 ? `@bob @carol ${i}` : `@bob ${i}`);
    await expect.poll(() => rows(world.bob.id, room.id)).toEqual([1, 2, 3, 4, 5, 6]);
    await expect.poll(() => rows(carolId, room.id)).toEqual([2, 4, 6]);
    // A row whose message is not there (as a removal cut short would leave).
    await store.attention.addMentions(room.id, 99, [world.bob.id]);
    await readStored(bob, world.bob.id, room.id, 4);
    expect(await mentions(bob, room.id)).toBe(2);
    expect(await mentions(carol, room.id)).toBe(3);

    // Pages of 2 over 10 rows: every row looked at once, 5 of them dead (bob's 1..4 and 99).
    const result = await sweepMentions(store.attention, 2);
    expect(result).toMatchObject({ scanned: 10, deleted: 5 });
    expect(result.pages).toBeGreaterThanOrEqual(5);
    expect(await rows(world.bob.id, room.id)).toEqual([5, 6]);
    // Carol has no marker yet: nothing of hers is read, so everything stays.
    expect(await rows(carolId, room.id)).toEqual([2, 4, 6]);
    expect(await mentions(bob, room.id)).toBe(2);
    expect(await mentions(carol, room.id)).toBe(3);

    // A second pass finds nothing more; reading on makes more rows dead.
    expect((await sweepMentions(store.attention, 3)).deleted).toBe(0);
    await readStored(carol, carolId, room.id, 4);
    expect(await sweepMentions(store.attention, 500)).toEqual({ scanned: 5, deleted: 2, pages: 1 });
    expect(await rows(carolId, room.id)).toEqual([6]);
    expect(await mentions(carol, room.id)).toBe(1);
  });

  it('rows of a deleted room go with it', async () => {
    const room = await openRoom('Doomed');
    await send(room.id, '@bob soon gone');
    await expect.poll(() => rows(world.bob.id, room.id)).toEqual([1]);
    // The sender's own marker must reach the store first: a marker still pending for a deleted
    // room fails every later batch (marker-batch.ts, reported; not this test's subject).
    await expect.poll(() => store.readMarkers.marker(world.alice.id, room.id)).toBe(1);
    const deleted = await http(world.url, 'DELETE', `/api/admin/rooms/${room.id}`, { token: world.adminToken });
    expect(deleted.status).toBe(204);
    expect(await rows(world.bob.id, room.id)).toEqual([]);
  });

  it('runs by itself, one pass after another, until stopped', async () => {
    const room = await openRoom('Swept on a timer');
    await send(room.id, '@bob one');
    await send(room.id, '@bob two');
    await expect.poll(() => rows(world.bob.id, room.id)).toEqual([1, 2]);
    const errors: unknown[] = [];
    const stop = startMentionSweep(store.attention, (error) => errors.push(error), { firstDelayMs: 0, intervalMs: 50, pageSize: 1 });
    try {
      await readStored(bob, world.bob.id, room.id, 1);
      await expect.poll(() => rows(world.bob.id, room.id), { timeout: 5000 }).toEqual([2]);
      await readStored(bob, world.bob.id, room.id, 2);
      await expect.poll(() => rows(world.bob.id, room.id), { timeout: 5000 }).toEqual([]);
    } finally {
      await stop();
    }
    expect(errors).toEqual([]);
  });
});
