// §11 message actions in storage: edits (keeping each earlier text), reactions (a JSON column
// rewritten under a row lock), removals (recorded for the export) and seeking a date. Every action
// is a fixed number of statements, whatever the size of the room.
import type { Kysely } from 'kysely';
import type { SqlDialectKind } from '../dialect';
import type { MessageActionRepository, MessageEdit, MessageRemoval } from '../repositories';
import type { DatabaseSchema } from '../schema';
import { inChunks } from './chunks';
import { parseReactions, selectMessages, storeReactions, toMessage } from './message-rows';

export function createMessageActionRepository(db: Kysely<DatabaseSchema>, kind: SqlDialectKind): MessageActionRepository {
  /**
   * The message's own row, locked until the transaction ends. PostgreSQL needs FOR UPDATE (two
   * servers may react at once); SQLite runs one transaction at a time and has no such clause.
   */
  const lockRow = (trx: Kysely<DatabaseSchema>, roomId: string, seq: number) => {
    const query = trx.selectFrom('messages').select(['id', 'text', 'reactions']).where('room_id', '=', roomId).where('seq', '=', seq);
    return (kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  };
  const reread = async (trx: Kysely<DatabaseSchema>, id: string) => toMessage(await selectMessages(trx).where('m.id', '=', id).executeTakeFirstOrThrow());

  return {
    async get(roomId, seq) {
      const row = await selectMessages(db).where('m.room_id', '=', roomId).where('m.seq', '=', seq).executeTakeFirst();
      return row && toMessage(row);
    },

    async byClientId(roomId, senderId, clientId) {
      const row = await selectMessages(db)
        .where('m.room_id', '=', roomId)
        .where('m.sender_id', '=', senderId)
        .where('m.client_id', '=', clientId)
        .executeTakeFirst();
      return row && toMessage(row);
    },

    async getMany(roomId, seqs) {
      const found = [];
      for (const part of inChunks(seqs)) {
        const rows = await selectMessages(db).where('m.room_id', '=', roomId).where('m.seq', 'in', part).execute();
        found.push(...rows.map(toMessage));
      }
      return found.sort((a, b) => a.seq - b.seq);
    },

    async edit(roomId, seq, text, editedAt) {
      return db.transaction().execute(async (trx) => {
        const row = await lockRow(trx, roomId, seq);
        if (!row) return undefined;
        // The earlier text is kept beside the message (the export's `edits`), in the same commit.
        await trx.insertInto('message_edits').values({ message_id: row.id, text: row.text, edited_at: editedAt }).execute();
        await trx.updateTable('messages').set({ text, edited_at: editedAt }).where('id', '=', row.id).execute();
        return reread(trx, row.id);
      });
    },

    async updateReactions(roomId, seq, change) {
      return db.transaction().execute(async (trx) => {
        const row = await lockRow(trx, roomId, seq);
        if (!row) return undefined;
        const before = row.reactions;
        const after = storeReactions(change(parseReactions(before)));
        // "on" twice, or "off" for an emoji never held, writes nothing.
        if (after !== before) await trx.updateTable('messages').set({ reactions: after }).where('id', '=', row.id).execute();
        return reread(trx, row.id);
      });
    },

    async remove(removal) {
      return db.transaction().execute(async (trx) => {
        // Its earlier texts go with it (ON DELETE CASCADE), its search entry by trigger (0002).
        const row = await trx
          .deleteFrom('messages')
          .where('room_id', '=', removal.roomId)
          .where('seq', '=', removal.seq)
          .returning('file_id')
          .executeTakeFirst();
        if (!row) return undefined;
        await trx.insertInto('message_removals').values(toRemovalRow(removal)).execute();
        return { fileId: row.file_id };
      });
    },

    async recordRemovals(removals) {
      for (const part of inChunks(removals)) await db.insertInto('message_removals').values(part.map(toRemovalRow)).execute();
    },

    async seek(roomId, date) {
      // messages_room_created (0001) answers both without walking the room.
      const first = await db
        .selectFrom('messages')
        .select('seq')
        .where('room_id', '=', roomId)
        .where('created_at', '>=', date)
        .orderBy('created_at')
        .orderBy('seq')
        .limit(1)
        .executeTakeFirst();
      if (first) return Number(first.seq);
      const last = await db.selectFrom('messages').select('seq').where('room_id', '=', roomId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return last ? Number(last.seq) : 0;
    },

    async edits(filter) {
      const byMessage = new Map<string, MessageEdit[]>();
      if (filter.roomIds.length === 0) return byMessage;
      let query = db
        .selectFrom('message_edits as e')
        .innerJoin('messages as m', 'm.id', 'e.message_id')
        .select(['e.message_id', 'e.text', 'e.edited_at'])
        .where('m.room_id', 'in', filter.roomIds);
      if (filter.from !== undefined) query = query.where('m.created_at', '>=', filter.from);
      for (const row of await query.orderBy('e.num').execute()) {
        const list = byMessage.get(row.message_id) ?? [];
        list.push({ text: row.text, editedAt: row.edited_at });
        byMessage.set(row.message_id, list);
      }
      return byMessage;
    },

    async removals(filter) {
      if (filter.roomIds.length === 0) return [];
      let query = db.selectFrom('message_removals').selectAll().where('room_id', 'in', filter.roomIds);
      if (filter.from !== undefined) query = query.where('removed_at', '>=', filter.from);
      const rows = await query.orderBy('num').execute();
      return rows.map((r): MessageRemoval => ({ roomId: r.room_id, seq: Number(r.seq), removedAt: r.removed_at, removedBy: r.removed_by }));
    },
  };
}

function toRemovalRow(removal: MessageRemoval) {
  return { room_id: removal.roomId, seq: removal.seq, removed_at: removal.removedAt, removed_by: removal.removedBy };
}
