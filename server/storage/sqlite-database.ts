// Opens the embedded SQLite store: WAL, synchronous=FULL (an acked message survives a power cut),
// foreign keys, a busy timeout for the rare second process, then runs pending migrations.
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrationProvider } from './migrations';
import type { DatabaseSchema } from './schema';

export async function openSqliteDatabase(dataDir: string): Promise<Kysely<DatabaseSchema>> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, 'pchat.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed) {
    await db.destroy();
    const reason = error instanceof Error ? error.message : `migration ${failed?.migrationName ?? '?'} failed`;
    throw new Error(`database migration failed: ${reason}`);
  }
  return db;
}
