// A second handle on a running test server's own store (its SQLite file, or its PostgreSQL
// database), for tests that assert on what the tables hold through the storage API rather than
// through what the server chooses to answer.
import { openPostgresStorage } from '../../../server/storage/postgres-storage';
import type { Storage } from '../../../server/storage/repositories';
import { openSqliteStorage } from '../../../server/storage/sqlite-storage';
import type { TestServer } from './test-server';

export const openStoreOf = (server: TestServer): Promise<Storage> =>
  server.database === undefined ? openSqliteStorage(server.dataDir) : openPostgresStorage(server.database);
