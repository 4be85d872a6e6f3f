// Word search on PostgreSQL through the generated tsvector column (migration 0002). Every word
// must occur (plainto_tsquery ANDs them and treats the input as plain text); newest first, by
// `num` (it grows with every stored message): ordering by the key lets the planner walk the newest
// rows and stop at the limit when a word is common, instead of sorting every match.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Message } from '../../domain';
import type { SearchQuery } from '../repositories';
import type { DatabaseSchema } from '../schema';
import { selectMessages, toMessage } from './message-rows';

export async function searchMessagesPostgres(db: Kysely<DatabaseSchema>, query: SearchQuery): Promise<Message[]> {
  if (query.roomIds.length === 0 || query.words.length === 0) return [];
  const text = query.words.join(' ');
  let q = selectMessages(db)
    .where('m.room_id', 'in', query.roomIds)
    .where(sql<boolean>`m.search @@ plainto_tsquery('simple'::regconfig, pchat_search_text(${text}))`);
  if (query.beforeSeq !== undefined) q = q.where('m.seq', '<', query.beforeSeq);
  const rows = await q.orderBy('m.num', 'desc').limit(query.limit).execute();
  return rows.map(toMessage);
}
