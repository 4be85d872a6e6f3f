// PostgreSQL storage (`--database postgres://…`): the same repositories over a connection pool.
import { Kysely, PostgresDialect } from 'kysely';
import pLimit from 'p-limit';
import pg from 'pg';
import { migrateOrThrow } from './migrate';
import type { Storage } from './repositories';
import type { DatabaseSchema } from './schema';
import { createSqlStorage } from './sql-storage';
import { searchMessagesPostgres } from './sql/postgres-message-search';

const INT8_OID = 20;
const POOL_SIZE = 10;
/**
 * Searches that may hold a connection at once; the others wait their turn here, not in the pool.
 * A common word keeps a connection for tens of milliseconds, and the pool serves its queue in
 * order: 20 searches at once took all ten connections and a room:join behind them waited 147 ms
 * (bench/scale-1m.ts --store postgres). One at a time, as the SQLite store searches in one worker
 * thread: two at once still kept a join waiting 65 ms on two cores, both busy searching.
 */
const SEARCHES_AT_ONCE = 1;

export async function openPostgresStorage(connectionString: string): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    // bigint columns (file sizes, counts) come back as strings by default; ours fit a JS number.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8_OID ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closed (restart, failover) must not crash the process; the
  // pool replaces it on the next query.
  pool.on('error', (error) => process.stderr.write(`pchat server: database connection lost: ${error.message}\n`));
  try {
    // Fail at start, with the reason, when the database cannot be reached.
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new Error(`cannot reach the database: ${error instanceof Error ? error.message : String(error)}`);
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  await migrateOrThrow(db, 'postgres');
  const searchTurn = pLimit(SEARCHES_AT_ONCE);
  return createSqlStorage(db, 'postgres', { search: (searchDb, query) => searchTurn(() => searchMessagesPostgres(searchDb, query)) });
}
