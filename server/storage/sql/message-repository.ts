import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { MessageFilter, MessageRepository } from '../repositories';
import type { DatabaseSchema } from '../schema';
import { type MessageQuery, selectMessages, toMessage } from './message-rows';
import { searchMessages } from './message-search';

function applyFilter(query: MessageQuery, roomId: string, filter: MessageFilter): MessageQuery {
  let q = query.where('m.room_id', '=', roomId);
  if (filter.userId !== undefined) q = q.where('m.sender_id', '=', filter.userId);
  if (filter.from !== undefined) q = q.where('m.created_at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('m.created_at', '<=', filter.to);
  if (filter.before !== undefined) q = q.where('m.created_at', '<', filter.before);
  if (filter.contains !== undefined) {
    // Escape LIKE wildcards so "contains" is a literal substring match.
    const escaped = filter.contains.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where(sql<boolean>`m.text like ${`%${escaped}%`} escape '\\'`);
  }
  return q;
}

export function createMessageRepository(db: Kysely<DatabaseSchema>): MessageRepository {
  return {
    async insertIdempotent(message) {
      return db.transaction().execute(async (trx) => {
        const existing = await selectMessages(trx)
          .where('m.room_id', '=', message.roomId)
          .where('m.sender_id', '=', message.senderId)
          .where('m.client_id', '=', message.clientId)
          .executeTakeFirst();
        if (existing) return { message: toMessage(existing), created: false };
        const { last_seq: seq } = await trx
          .updateTable('rooms')
          .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
          .where('id', '=', message.roomId)
          .returning('last_seq')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('messages')
          .values({
            id: message.id,
            room_id: message.roomId,
            seq,
            sender_id: message.senderId,
            sender_name: message.senderName,
            client_id: message.clientId,
            text: message.text,
            file_id: message.fileId,
            created_at: message.createdAt,
          })
          .execute();
        const stored = await selectMessages(trx).where('m.id', '=', message.id).executeTakeFirstOrThrow();
        return { message: toMessage(stored), created: true };
      });
    },
    async latest(roomId, limit) {
      const rows = await selectMessages(db).where('m.room_id', '=', roomId).orderBy('m.seq', 'desc').limit(limit).execute();
      return rows.reverse().map(toMessage);
    },
    async before(roomId, beforeSeq, limit) {
      const rows = await selectMessages(db)
        .where('m.room_id', '=', roomId)
        .where('m.seq', '<', beforeSeq)
        .orderBy('m.seq', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map(toMessage);
    },
    async after(roomId, afterSeq, limit) {
      const rows = await selectMessages(db)
        .where('m.room_id', '=', roomId)
        .where('m.seq', '>', afterSeq)
        .orderBy('m.seq', 'asc')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },
    search: (query) => searchMessages(db, query),
    async remove(roomId, filter, replaceWith) {
      return db.transaction().execute(async (trx) => {
        const rows = await applyFilter(selectMessages(trx), roomId, filter).execute();
        const seqs = rows.map((r) => r.seq);
        if (seqs.length === 0) return [];
        const ids = rows.map((r) => r.id);
        if (replaceWith === undefined) await trx.deleteFrom('messages').where('id', 'in', ids).execute();
        else await trx.updateTable('messages').set({ text: replaceWith, file_id: null }).where('id', 'in', ids).execute();
        return seqs;
      });
    },
    async list(filter) {
      if (filter.roomIds.length === 0) return [];
      let q = selectMessages(db).where('m.room_id', 'in', filter.roomIds);
      if (filter.from !== undefined) q = q.where('m.created_at', '>=', filter.from);
      const rows = await q.orderBy('m.room_id').orderBy('m.seq').execute();
      return rows.map(toMessage);
    },
  };
}
