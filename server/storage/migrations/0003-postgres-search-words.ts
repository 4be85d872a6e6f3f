// PostgreSQL search, second take: its text-search parser reads `<…>` as an HTML tag, `a.b` as a
// host and `/x/y` as a path, and indexes none of their words, so "onerror" was not found in
// `<img onerror=…>`. Turning ASCII punctuation into spaces first leaves plain words, as SQLite's
// FTS5 sees them. The stored vectors are rebuilt. SQLite: nothing to do.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { SqlDialectKind } from '../dialect';

/** Every printable ASCII character that is not a letter or a digit. */
const ASCII_PUNCTUATION = '[!-/:-@\\[-`{-~]+';

export async function up(db: Kysely<unknown>, kind: SqlDialectKind): Promise<void> {
  if (kind !== 'postgres') return;
  const installed = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'unaccent'`.execute(db);
  const folded = (installed.rows[0]?.n ?? 0) > 0 ? "public.unaccent('public.unaccent'::regdictionary, t)" : 't';
  await sql`drop index messages_search`.execute(db);
  await sql`alter table messages drop column search`.execute(db);
  await sql`create or replace function pchat_search_text(t text) returns text language sql immutable parallel safe
    as ${sql.raw(`$$ select lower(regexp_replace(${folded}, '${ASCII_PUNCTUATION}', ' ', 'g')) $$`)}`.execute(db);
  await sql`alter table messages add column search tsvector
    generated always as (to_tsvector('simple'::regconfig, pchat_search_text(text))) stored`.execute(db);
  await sql`create index messages_search on messages using gin (search)`.execute(db);
}
