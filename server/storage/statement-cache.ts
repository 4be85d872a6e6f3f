// Kysely's SQLite driver prepares every statement anew; on the hot path (a send, a read marker
// batch, a join) that is a good part of what SQLite costs. Kysely compiles each query shape to the
// same SQL text every time, so the prepared statement for a text is kept and reused. better-sqlite3
// runs one statement at a time on its thread, and SQLite re-prepares a kept statement by itself
// when the schema changes (a migration), so reuse is safe.
import type Database from 'better-sqlite3';

/** More distinct query texts than the server has shapes, fewer than a leak would need. */
const MAX_STATEMENTS = 1000;

export function cachePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) {
      // Most recently used last, so the oldest unused goes first when the cache is full.
      kept.delete(source);
      kept.set(source, statement);
      return statement;
    }
    statement = prepare(source);
    kept.set(source, statement);
    if (kept.size > MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
    return statement;
  }) as Database.Database['prepare'];
}
