// Word search over messages. Every word must occur (case-insensitive); newest first.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Message } from '../../domain';
import type { SearchQuery } from '../repositories';
import type { DatabaseSchema } from '../schema';
import { selectMessages, toMessage } from './message-rows';

export async function searchMessages(db: Kysely<DatabaseSchema>, query: SearchQuery): Promise<Message[]> {
  if (query.roomIds.length === 0 || query.words.length === 0) return [];
  let q = selectMessages(db).where('m.room_id', 'in', query.roomIds);
  for (const word of query.words) {
    const escaped = word.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where(sql<boolean>`m.text like ${`%${escaped}%`} escape '\\'`);
  }
  if (query.beforeSeq !== undefined) q = q.where('m.seq', '<', query.beforeSeq);
  const rows = await q.orderBy('m.created_at', 'desc').orderBy('m.num', 'desc').limit(query.limit).execute();
  return rows.map(toMessage);
}
