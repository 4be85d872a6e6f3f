// Full-text search over message text with SQLite FTS5: an external-content index on messages,
// kept in step by triggers (so every insert, rewrite and removal is indexed in the same
// transaction), and filled from what is already stored.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
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

export async function down(): Promise<void> {
  return Promise.resolve();
}
