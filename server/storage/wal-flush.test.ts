// The log flush that makes SQLite writes durable (wal-flush.ts, sqlite-dialect.ts), over a real
// SQLite store in a temporary directory; only the fsync itself is held back where a test must see
// what waits for it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSchema } from './schema';
import { openSqliteDatabase } from './sqlite-database';
import { FlushCoalescer, WalFlusher } from './wal-flush';

/** A flush the test lets finish, one at a time. */
function heldFlush() {
  const started: (() => void)[] = [];
  return {
    started,
    flush: () => new Promise<void>((resolve) => started.push(resolve)),
    close: () => Promise.resolve(),
    finishNext: () => started.shift()!(),
  };
}

const turns = async (n = 5) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('FlushCoalescer', () => {
  it('answers a request made during a flush with the next flush, shared by all made meanwhile', async () => {
    const held = heldFlush();
    const flushes = new FlushCoalescer(held.flush);
    const done: string[] = [];
    void flushes.request().then(() => done.push('first'));
    void flushes.request().then(() => done.push('second'));
    void flushes.request().then(() => done.push('third'));
    await turns();
    expect(held.started).toHaveLength(1);
    held.finishNext();
    await turns();
    // The first flush may have begun before the later writes: they wait for one that starts after.
    expect(done).toEqual(['first']);
    expect(held.started).toHaveLength(1);
    held.finishNext();
    await turns();
    expect(done).toEqual(['first', 'second', 'third']);
    expect(held.started).toHaveLength(0);
  });

  it('fails the requests of a failed flush and starts afresh for the next', async () => {
    let fail = true;
    const flushes = new FlushCoalescer(() => (fail ? Promise.reject(new Error('EIO')) : Promise.resolve()));
    await expect(flushes.request()).rejects.toThrow('EIO');
    fail = false;
    await expect(flushes.request()).resolves.toBeUndefined();
  });
});

describe('WalFlusher', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pchat-wal-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('flushes the log on its own thread, and says so when there is no log', async () => {
    const file = join(dir, 'x.db');
    const flusher = new WalFlusher(file);
    try {
      await expect(flusher.flush()).rejects.toThrow(/ENOENT/);
      await writeFile(`${file}-wal`, 'log');
      await expect(flusher.flush()).resolves.toBeUndefined();
      await expect(Promise.all([flusher.flush(), flusher.flush()])).resolves.toEqual([undefined, undefined]);
    } finally {
      await flusher.close();
    }
  });
});

describe('a SQLite write', () => {
  let dir: string;
  let db: Kysely<DatabaseSchema>;
  const held = heldFlush();
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pchat-wal-db-'));
    // Migrations write too: let every flush through until the test holds them.
    let holding = false;
    db = await openSqliteDatabase(dir, { flush: () => ({ flush: () => (holding ? held.flush() : Promise.resolve()), close: () => Promise.resolve() }) });
    holding = true;
  });
  afterEach(async () => {
    while (held.started.length > 0) held.finishNext();
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const addUser = (id: string) =>
    db.insertInto('users').values({ id, name: id, display_name: id, password_hash: 'x', roles: '["user"]', disabled: 0, created_at: new Date().toISOString() }).execute();

  it('is answered only once the log is flushed, while reads go on meanwhile', async () => {
    let answered = false;
    const writing = addUser('ana').then(() => (answered = true));
    await turns();
    expect(held.started).toHaveLength(1);
    expect(answered).toBe(false);
    // The connection is free during the flush: a read (which needs no flush) is answered.
    const rows = await db.selectFrom('users').select('id').where('id', '=', 'ana').execute();
    expect(rows).toEqual([{ id: 'ana' }]);
    expect(answered).toBe(false);
    held.finishNext();
    await writing;
    expect(answered).toBe(true);
  });

  it('in a transaction, and an INSERT … RETURNING, waits for the flush too', async () => {
    const inTransaction = db.transaction().execute((trx) => trx.insertInto('users').values({ id: 'ben', name: 'ben', display_name: 'b', password_hash: 'x', roles: '["user"]', disabled: 0, created_at: '' }).execute());
    await turns();
    expect(held.started).toHaveLength(1);
    held.finishNext();
    await inTransaction;
    const returning = sql<{ id: string }>`insert into users (id, name, display_name, password_hash, roles, disabled, created_at) values ('cy', 'cy', 'c', 'x', '["user"]', 0, '') returning id`.execute(db);
    await turns();
    expect(held.started).toHaveLength(1);
    held.finishNext();
    expect((await returning).rows).toEqual([{ id: 'cy' }]);
  });

  it('runs with synchronous=NORMAL (the flush is the driver’s) and a read never waits for one', async () => {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    expect(rows[0]!.synchronous).toBe(1);
    expect(held.started).toHaveLength(0);
  });
});
