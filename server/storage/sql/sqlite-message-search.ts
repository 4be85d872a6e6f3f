// Word search on SQLite through the FTS5 index (migration 0002). Every word must occur,
// case- and accent-insensitively; newest first.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Message } from '../../domain';
import type { SearchQuery } from '../repositories';
import type { DatabaseSchema } from '../schema';
import { selectMessages, toMessage } from './message-rows';

/** Each word becomes a quoted FTS5 phrase, so user input can never be read as query syntax. */
export function toFtsQuery(words: string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ');
}

export async function searchMessagesSqlite(db: Kysely<DatabaseSchema>, query: SearchQuery): Promise<Message[]> {
  if (query.roomIds.length === 0 || query.words.length === 0) return [];
  let q = selectMessages(db)
    .where('m.room_id', 'in', query.roomIds)
    .where(sql<boolean>`m.num in (select rowid from messages_fts where messages_fts match ${toFtsQuery(query.words)})`);
  if (query.beforeSeq !== undefined) q = q.where('m.seq', '<', query.beforeSeq);
  const rows = await q.orderBy('m.created_at', 'desc').orderBy('m.num', 'desc').limit(query.limit).execute();
  return rows.map(toMessage);
}
