// Full-text search over message text.
// SQLite: an FTS5 external-content index on messages, kept in step by triggers (so every insert,
// rewrite and removal is indexed in the same transaction), filled from what is already stored.
// PostgreSQL: a generated tsvector column ('simple' configuration: words, no stemming, lower
// case; accents folded when the unaccent extension is available) with a GIN index.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { SqlDialectKind } from '../dialect';

export async function up(db: Kysely<unknown>, kind: SqlDialectKind): Promise<void> {
  if (kind === 'postgres') return upPostgres(db);
  await sql`create virtual table messages_fts using fts5(
    text, content='messages', content_rowid='num', tokenize='unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create trigger messages_fts_insert after insert on messages begin
    insert into messages_fts(rowid, text) values (new.num, new.text);
  end`.execute(db);
  await sql`create trigger messages_fts_delete after delete on messages begin
    insert into messages_fts(messages_fts, rowid, text) values ('delete', old.num, old.text);
  end`.execute(db);
  await sql`create trigger messages_fts_update after update of text on messages begin
    insert into messages_fts(messages_fts, rowid, text) values ('delete', old.num, old.text);
    insert into messages_fts(rowid, text) values (new.num, new.text);
  end`.execute(db);
  await sql`insert into messages_fts(messages_fts) values ('rebuild')`.execute(db);
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'unaccent'`.execute(db);
  const unaccent = (available.rows[0]?.n ?? 0) > 0;
  if (unaccent) await sql`create extension if not exists unaccent`.execute(db);
  // Generated columns need an immutable function; unaccent() is only stable because its
  // dictionary could change, which we accept.
  await sql`create function pchat_search_text(t text) returns text language sql immutable parallel safe
    as ${sql.raw(unaccent ? "$$ select lower(public.unaccent('public.unaccent'::regdictionary, t)) $$" : '$$ select lower(t) $$')}`.execute(db);
  await sql`alter table messages add column search tsvector
    generated always as (to_tsvector('simple'::regconfig, pchat_search_text(text))) stored`.execute(db);
  await sql`create index messages_search on messages using gin (search)`.execute(db);
}
