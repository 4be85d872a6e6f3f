// Opens the embedded SQLite store: WAL, synchronous=FULL (an acked message survives a power cut),
// foreign keys, a busy timeout for the rare second process, then runs pending migrations.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrateOrThrow } from './migrate';
import type { DatabaseSchema } from './schema';

export const DATABASE_FILE = 'pchat.db';

export async function openSqliteDatabase(dataDir: string): Promise<Kysely<DatabaseSchema>> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, DATABASE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateOrThrow(db, 'sqlite');
  return db;
}
