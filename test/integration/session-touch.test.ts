// SessionRepository.touchMany on the store the suite runs on (SQLite, or PostgreSQL with
// PCHAT_TEST_POSTGRES_URL set): the sweep's batched write of a minute of socket uses. Both
// dialects must read the same UPDATE … FROM VALUES alike, move times forward only, and take more
// rows than one statement holds.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUse, Storage } from '../../server/storage/repositories';
import { ROWS_PER_STATEMENT } from '../../server/storage/sql/chunks';
import { openStoreOf } from './helpers/store';
import { type World, makeWorld } from './helpers/world';

const CREATED = '2026-05-01T12:00:00.000Z';
const LATER = '2026-05-01T12:05:00.000Z';
const EARLIER = '2026-05-01T11:00:00.000Z';

describe('session touches in one batch', () => {
  let world: World;
  let store: Storage;
  let userId: string;

  beforeAll(async () => {
    world = await makeWorld();
    userId = world.alice.id;
    store = await openStoreOf(world.server);
  });
  afterAll(async () => {
    await store.close();
    await world.close();
  });

  const newSessions = async (count: number): Promise<string[]> => {
    const hashes = Array.from({ length: count }, () => `test-${randomUUID()}`);
    for (const tokenHash of hashes) await store.sessions.create({ id: randomUUID(), tokenHash, userId, createdAt: CREATED, lastUsedAt: CREATED });
    return hashes;
  };

  it('moves the last use of more sessions than one statement holds, and only forward', async () => {
    const hashes = await newSessions(ROWS_PER_STATEMENT + 3);
    const [first, second, ...rest] = hashes;
    await store.sessions.touch(second!, LATER);
    const uses: SessionUse[] = [
      { tokenHash: first!, lastUsedAt: LATER },
      { tokenHash: second!, lastUsedAt: EARLIER }, // older than the store's: stays at LATER
      { tokenHash: 'no-such-session', lastUsedAt: LATER },
      ...rest.map((tokenHash, i) => ({ tokenHash, lastUsedAt: new Date(Date.parse(LATER) + i * 1000).toISOString() })),
    ];
    await store.sessions.touchMany(uses);

    expect((await store.sessions.find(first!))!.lastUsedAt).toBe(LATER);
    expect((await store.sessions.find(second!))!.lastUsedAt).toBe(LATER);
    expect(await store.sessions.find('no-such-session')).toBeUndefined();
    // The last rows fall in the second statement.
    const last = rest.at(-1)!;
    expect((await store.sessions.find(last))!.lastUsedAt).toBe(new Date(Date.parse(LATER) + (rest.length - 1) * 1000).toISOString());
    const stored = await store.sessions.listForUser(userId);
    expect(stored.filter((s) => hashes.includes(s.tokenHash) && s.lastUsedAt === CREATED)).toEqual([]);
  });

  it('does nothing for no uses', async () => {
    const [only] = await newSessions(1);
    await store.sessions.touchMany([]);
    expect((await store.sessions.find(only!))!.lastUsedAt).toBe(CREATED);
  });
});
