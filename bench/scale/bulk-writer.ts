// Writes seed rows straight into a pchat database, SQLite (better-sqlite3 on <data>/pchat.db) or
// PostgreSQL (pg), after the server has created the schema with its own migrations. Seeding a
// million messages through the socket would take an hour; rows written here are the same rows the
// server writes, so reading them afterwards is what the benchmark measures.
//
// The schema moves while other engineers work (new migrations add columns), so rows are padded
// from the live schema: a column the seed does not name gets a value only where it needs one
// (`id` → a fresh uuid, `last_used_at` → now, any other NOT NULL column without a default → now
// for *_at, 0 for numbers, '' for text), and nullable or defaulted columns are left to the database.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

export type Row = Record<string, string | number | null>;

export interface BulkWriter {
  readonly kind: 'sqlite' | 'postgres';
  /** Inserts rows of one table (all rows must name the same columns), batched in transactions. */
  insert(table: string, rows: readonly Row[]): Promise<void>;
  /** A statement with `?` placeholders (turned into $1… on PostgreSQL). */
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs `load` (inserting messages) with the search index built once afterwards instead of row
   * by row: 5× faster on SQLite. The index ends up exactly as the migrations define it: their own
   * trigger / index definition is read from the database and put back.
   */
  withSearchIndexAfter(load: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

interface Column {
  name: string;
  notNull: boolean;
  hasDefault: boolean;
  numeric: boolean;
}

function fillerFor(column: Column, now: string): (() => string | number) | undefined {
  if (column.name === 'id') return () => randomUUID();
  if (column.name === 'last_used_at') return () => now;
  if (!column.notNull || column.hasDefault) return undefined;
  if (column.name.endsWith('_at')) return () => now;
  return column.numeric ? () => 0 : () => '';
}

/** The rows with every column the live schema needs and the seed did not name. */
function padded(rows: readonly Row[], columns: readonly Column[]): Row[] {
  const first = rows[0];
  if (!first) return [];
  const now = new Date().toISOString();
  const extra = columns
    .filter((column) => !(column.name in first))
    .map((column) => [column.name, fillerFor(column, now)] as const)
    .filter((entry): entry is readonly [string, () => string | number] => entry[1] !== undefined);
  if (extra.length === 0) return rows as Row[];
  return rows.map((row) => {
    const out: Row = { ...row };
    for (const [name, fill] of extra) out[name] = fill();
    return out;
  });
}

const toPgPlaceholders = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export function openSqliteWriter(dataDir: string): BulkWriter {
  const db = new Database(join(dataDir, 'pchat.db'));
  db.pragma('journal_mode = WAL');
  // A seed that dies half-way is thrown away whole, so it needs no fsync per transaction.
  db.pragma('synchronous = OFF');
  // Four indexes on messages take inserts all over their b-trees: keep them in memory (256 MB).
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = ON');
  const columns = (table: string): Column[] =>
    (db.prepare(`select name, type, "notnull" as nn, dflt_value as d, hidden from pragma_table_xinfo(?)`).all(table) as {
      name: string;
      type: string;
      nn: number;
      d: unknown;
      hidden: number;
    }[])
      .filter((c) => c.hidden === 0)
      .map((c) => ({ name: c.name, notNull: c.nn === 1, hasDefault: c.d !== null, numeric: /int|real|num/i.test(c.type) }));
  return {
    kind: 'sqlite',
    insert(table, rows) {
      const all = padded(rows, columns(table));
      const first = all[0];
      if (!first) return Promise.resolve();
      const names = Object.keys(first);
      const statement = db.prepare(`insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`);
      const batch = db.transaction((slice: Row[]) => {
        for (const row of slice) statement.run(names.map((name) => row[name] ?? null));
      });
      for (let i = 0; i < all.length; i += 20_000) batch(all.slice(i, i + 20_000));
      return Promise.resolve();
    },
    run(sql, params = []) {
      db.prepare(sql).run(...params);
      return Promise.resolve();
    },
    query<T>(sql: string, params: readonly unknown[] = []) {
      return Promise.resolve(db.prepare(sql).all(...params) as T[]);
    },
    async withSearchIndexAfter(load) {
      const trigger = db.prepare(`select sql from sqlite_master where type = 'trigger' and name = 'messages_fts_insert'`).get() as { sql: string } | undefined;
      if (!trigger) return load(); // a schema without it: index row by row, slower but right
      db.exec('drop trigger messages_fts_insert');
      try {
        await load();
        db.exec(`insert into messages_fts(messages_fts) values ('rebuild')`);
      } finally {
        db.exec(trigger.sql);
      }
    },
    close() {
      // Fold the WAL back into the database file, so a copy of the file alone is complete.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return Promise.resolve();
    },
  };
}

export async function openPostgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  const columns = async (table: string): Promise<Column[]> => {
    const result = await client.query<{ column_name: string; is_nullable: string; column_default: unknown; is_generated: string; data_type: string }>(
      `select column_name, is_nullable, column_default, is_generated, data_type from information_schema.columns
       where table_schema = current_schema() and table_name = $1`,
      [table],
    );
    return result.rows
      .filter((c) => c.is_generated !== 'ALWAYS')
      .map((c) => ({
        name: c.column_name,
        notNull: c.is_nullable === 'NO',
        hasDefault: c.column_default !== null,
        numeric: /int|numeric|real|double/.test(c.data_type),
      }));
  };
  return {
    kind: 'postgres',
    async insert(table, rows) {
      const all = padded(rows, await columns(table));
      const first = all[0];
      if (!first) return;
      const names = Object.keys(first);
      // 60,000 parameters at most per statement (the protocol allows 65,535).
      const perStatement = Math.floor(60_000 / names.length);
      for (let start = 0; start < all.length; start += 50_000) {
        await client.query('begin');
        for (let i = start; i < Math.min(all.length, start + 50_000); i += perStatement) {
          const slice = all.slice(i, Math.min(i + perStatement, start + 50_000, all.length));
          const params: unknown[] = [];
          const tuples = slice.map((row) => `(${names.map((name) => (params.push(row[name] ?? null), `$${params.length}`)).join(', ')})`);
          await client.query(`insert into ${table} (${names.join(', ')}) values ${tuples.join(', ')}`, params);
        }
        await client.query('commit');
      }
    },
    async run(sql, params = []) {
      await client.query(toPgPlaceholders(sql), [...params]);
    },
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(toPgPlaceholders(sql), [...params])).rows as T[];
    },
    async withSearchIndexAfter(load) {
      const found = await client.query<{ indexdef: string }>(
        `select indexdef from pg_indexes where schemaname = current_schema() and indexname = 'messages_search'`,
      );
      const definition = found.rows[0]?.indexdef;
      if (definition === undefined) return load();
      await client.query('drop index messages_search');
      try {
        await load();
      } finally {
        await client.query(definition);
      }
    },
    async close() {
      await client.end();
    },
  };
}
