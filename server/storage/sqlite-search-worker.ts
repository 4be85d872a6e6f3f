// The search worker's side (sqlite-search-pool.ts): its own read-only connection to the store
// (WAL lets it read while the main thread writes), answering one search at a time.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchQuery } from './repositories';
import type { DatabaseSchema } from './schema';
import { searchMessagesSqlite } from './sql/sqlite-message-search';

export interface SearchRequest {
  id: number;
  query: SearchQuery;
}

export type SearchReply = { id: number; ok: true; messages: Awaited<ReturnType<typeof searchMessagesSqlite>> } | { id: number; ok: false; error: string };

const { file } = workerData as { file: string; entry: string };
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });

parentPort?.on('message', (request: SearchRequest | 'close') => {
  if (request === 'close') {
    // Closing the connection here, not by terminating the thread, lets the last connection to
    // close (the main thread's) checkpoint and remove the WAL file.
    void db.destroy().then(() => process.exit(0));
    return;
  }
  searchMessagesSqlite(db, request.query).then(
    (messages) => parentPort?.postMessage({ id: request.id, ok: true, messages } satisfies SearchReply),
    (error: unknown) => parentPort?.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies SearchReply),
  );
});
parentPort?.postMessage('ready');
