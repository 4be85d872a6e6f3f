// Opens the embedded SQLite store: WAL, synchronous=FULL (an acked message survives a power cut),
// foreign keys, a busy timeout for the rare second process, then runs pending migrations.
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrateOrThrow } from './migrate';
import type { DatabaseSchema } from './schema';
import { SqliteDialectKeepingCause } from './sqlite-dialect';
import { cachePreparedStatements } from './statement-cache';

export const DATABASE_FILE = 'pchat.db';

export async function openSqliteDatabase(dataDir: string): Promise<Kysely<DatabaseSchema>> {
  const sqlite = openFile(dataDir);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  cachePreparedStatements(sqlite);
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialectKeepingCause(sqlite) });
  await migrateOrThrow(db, 'sqlite');
  return db;
}

/** Why a data directory cannot hold the store, in words an operator can act on (issue 9 #12). */
const REASONS: Record<string, string> = {
  EEXIST: 'a file is in the way (it must be a directory)',
  ENOTDIR: 'a file is in the way (it must be a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'disk full',
  SQLITE_CANTOPEN: 'the database file cannot be opened or created there',
  SQLITE_FULL: 'disk full',
  SQLITE_NOTADB: 'pchat.db there is not a SQLite database',
  SQLITE_CORRUPT: 'pchat.db there is damaged',
};

function openFile(dataDir: string): Database.Database {
  try {
    mkdirSync(dataDir, { recursive: true });
    return new Database(join(dataDir, DATABASE_FILE));
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot use the data directory ${dataDir}: ${REASONS[code] ?? detail}`, { cause: error });
  }
}
