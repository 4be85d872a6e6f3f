// The embedded default: SQLite under the data directory, searches in a worker thread.
import { join } from 'node:path';
import type { Storage } from './repositories';
import { createSqlStorage } from './sql-storage';
import { SqliteSearchPool } from './sqlite-search-pool';
import { DATABASE_FILE, openSqliteDatabase } from './sqlite-database';
import { searchMessagesSqlite } from './sql/sqlite-message-search';

export async function openSqliteStorage(dataDir: string): Promise<Storage> {
  const db = await openSqliteDatabase(dataDir);
  const pool = new SqliteSearchPool(join(dataDir, DATABASE_FILE));
  return createSqlStorage(db, 'sqlite', {
    // Should the worker be gone, search still answers, on this thread.
    search: (database, query) => pool.search(query).catch(() => searchMessagesSqlite(database, query)),
    beforeClose: () => pool.close(),
  });
}
