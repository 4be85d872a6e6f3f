// Sessions that end and accounts that can be disabled (PROTOCOL.md §10).
// - sessions gain a random public `id` (what GET /api/sessions shows and DELETE /api/sessions/:id
//   takes: never the token hash) and `last_used_at` (idle expiry; written at most once a minute).
// - handoff_codes remember the session that asked for them, so a code dies with it. Codes issued
//   before this migration have no such session; they live 60 s anyway, so they are dropped.
// - users gain `disabled`, and names become unique case-insensitively where the data allows it.
// Both dialects share the DDL: ADD COLUMN with a nullable REFERENCES works on SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('id', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('last_used_at', 'text').execute();
  const existing = await sql<{ token_hash: string; created_at: string }>`select token_hash, created_at from sessions`.execute(db);
  for (const row of existing.rows) {
    await sql`update sessions set id = ${randomUUID()}, last_used_at = ${row.created_at} where token_hash = ${row.token_hash}`.execute(db);
  }
  await db.schema.createIndex('sessions_id').on('sessions').column('id').unique().execute();

  await sql`delete from handoff_codes`.execute(db);
  await db.schema
    .alterTable('handoff_codes')
    .addColumn('session_token_hash', 'text', (c) => c.references('sessions.token_hash').onDelete('cascade'))
    .execute();

  await db.schema.alterTable('users').addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Sign-in finds users by lower(name). A database that already holds two names differing only in
  // case keeps working (the exact spelling wins at sign-in); it just cannot get the unique index.
  const clashes = await sql<{ n: number }>`select count(*) as n from (select lower(name) as k from users group by lower(name) having count(*) > 1) as c`.execute(db);
  const unique = Number(clashes.rows[0]?.n ?? 0) === 0;
  const index = db.schema.createIndex('users_name_lower').on('users').expression(sql`lower(name)`);
  await (unique ? index.unique() : index).execute();
}
