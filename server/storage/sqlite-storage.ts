// The embedded default: SQLite under the data directory.
import type { Storage } from './repositories';
import { createSqlStorage } from './sql-storage';
import { openSqliteDatabase } from './sqlite-database';

export async function openSqliteStorage(dataDir: string): Promise<Storage> {
  return createSqlStorage(await openSqliteDatabase(dataDir), 'sqlite');
}
