// Word search on SQLite through the FTS5 index (migration 0002). Every word must occur,
// case- and accent-insensitively; newest first. The index is walked from its newest entry
// (ORDER BY rowid DESC is native to FTS5, and `num` grows with every stored message), joining each
// match to its message and stopping at the limit — so a word found in most of a million messages
// costs as much as a rare one, instead of collecting every match first and sorting them.
// Runs in a worker thread (sqlite-search-pool.ts), so a slow search never stalls other requests.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Message } from '../../domain';
import type { SearchQuery } from '../repositories';
import type { DatabaseSchema } from '../schema';
import { MESSAGE_COLUMNS_SQL, toMessage } from './message-rows';

/** Each word becomes a quoted FTS5 phrase, so user input can never be read as query syntax. */
export function toFtsQuery(words: string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ');
}

export async function searchMessagesSqlite(db: Kysely<DatabaseSchema>, query: SearchQuery): Promise<Message[]> {
  if (query.roomIds.length === 0 || query.words.length === 0) return [];
  const rooms = sql.join(query.roomIds.map((id) => sql`${id}`));
  const before = query.beforeSeq === undefined ? sql`` : sql`and m.seq < ${query.beforeSeq}`;
  // CROSS JOIN keeps the index as the outer loop: SQLite never reorders it.
  const result = await sql<Parameters<typeof toMessage>[0]>`
    select ${sql.raw(MESSAGE_COLUMNS_SQL)},
           f.name as f_name, f.size as f_size, f.mime as f_mime
    from messages_fts
    cross join messages m on m.num = messages_fts.rowid
    left join files f on f.id = m.file_id
    where messages_fts match ${toFtsQuery(query.words)} and m.room_id in (${rooms}) ${before}
    order by messages_fts.rowid desc
    limit ${query.limit}`.execute(db);
  return result.rows.map(toMessage);
}
