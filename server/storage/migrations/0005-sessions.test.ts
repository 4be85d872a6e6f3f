// Migration 0005 over data written before it, on SQLite and (when PCHAT_TEST_POSTGRES_URL is set)
// PostgreSQL: existing sessions get a random id and a last use, old hand-off codes go, users get
// `disabled`, and names become unique case-insensitively unless the data already clashes.
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POSTGRES_ADMIN_URL, createTempDatabase } from '../../../test/integration/helpers/postgres';
import type { SqlDialectKind } from '../dialect';
import { migrationProvider } from './index';

/** The tables as they stand on both sides of the migration (new columns optional). */
interface Tables {
  users: { id: string; name: string; display_name: string; password_hash: string; roles: string; created_at: string; disabled?: number };
  sessions: { token_hash: string; user_id: string; created_at: string; id?: string; last_used_at?: string };
  handoff_codes: { code_hash: string; user_id: string; expires_at: string; used_at: string | null; session_token_hash?: string };
}
type Db = Kysely<Tables>;

async function withDatabase(kind: SqlDialectKind, run: (db: Db) => Promise<void>): Promise<void> {
  if (kind === 'sqlite') {
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    try {
      await run(db);
    } finally {
      await db.destroy();
    }
    return;
  }
  const temp = await createTempDatabase(POSTGRES_ADMIN_URL!);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: temp.url, max: 2 }) }) });
  try {
    await run(db);
  } finally {
    await db.destroy();
    await temp.drop();
  }
}

async function migrate(db: Db, kind: SqlDialectKind, to?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(kind) });
  const { error } = to === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(to);
  if (error instanceof Error) throw error;
  if (error !== undefined) throw new Error('migration failed');
}

const user = (id: string, name: string) => ({ id, name, display_name: name, password_hash: 'x', roles: '["user"]', created_at: '2026-01-01T00:00:00.000Z' });

const kinds: SqlDialectKind[] = POSTGRES_ADMIN_URL === undefined ? ['sqlite'] : ['sqlite', 'postgres'];

describe.each(kinds)('migration 0005 on %s', (kind) => {
  it('gives old sessions an id and a last use, drops old codes, adds disabled and a case-insensitive unique name', async () => {
    await withDatabase(kind, async (db) => {
      await migrate(db, kind, '0004-read-markers');
      await db.insertInto('users').values(user('u1', 'alice')).execute();
      await db.insertInto('sessions').values({ token_hash: 'h1', user_id: 'u1', created_at: '2026-02-01T00:00:00.000Z' }).execute();
      await db.insertInto('sessions').values({ token_hash: 'h2', user_id: 'u1', created_at: '2026-02-02T00:00:00.000Z' }).execute();
      await db.insertInto('handoff_codes').values({ code_hash: 'c1', user_id: 'u1', expires_at: '2099-01-01T00:00:00.000Z', used_at: null }).execute();
      await migrate(db, kind);

      const sessions = await db.selectFrom('sessions').selectAll().orderBy('token_hash').execute();
      expect(sessions.map((s) => s.last_used_at)).toEqual(['2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z']);
      expect(sessions.every((s) => /^[0-9a-f-]{36}$/.test(String(s.id)))).toBe(true);
      expect(new Set(sessions.map((s) => s.id)).size).toBe(2);
      expect(await db.selectFrom('handoff_codes').selectAll().execute()).toEqual([]);
      expect((await db.selectFrom('users').select('disabled').executeTakeFirstOrThrow()).disabled).toBe(0);
      await expect(db.insertInto('users').values(user('u2', 'ALICE')).execute()).rejects.toThrow();
      // A code belongs to a session now, and goes with it.
      await db.insertInto('handoff_codes').values({ code_hash: 'c2', user_id: 'u1', expires_at: '2099-01-01T00:00:00.000Z', used_at: null, session_token_hash: 'h1' }).execute();
      if (kind === 'sqlite') await sql`pragma foreign_keys = on`.execute(db);
      await db.deleteFrom('sessions').where('token_hash', '=', 'h1').execute();
      expect(await db.selectFrom('handoff_codes').selectAll().execute()).toEqual([]);
    });
  });

  it('keeps working when old data holds names that differ only in case', async () => {
    await withDatabase(kind, async (db) => {
      await migrate(db, kind, '0004-read-markers');
      await db.insertInto('users').values([user('u1', 'bob'), user('u2', 'Bob')]).execute();
      await migrate(db, kind);
      expect(await db.selectFrom('users').select('name').orderBy('id').execute()).toEqual([{ name: 'bob' }, { name: 'Bob' }]);
    });
  });
});
