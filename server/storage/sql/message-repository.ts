import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { MessageFilter, MessageRepository, NewMessage, SearchQuery } from '../repositories';
import type { FileRef, Message } from '../../domain';
import type { SqlDialectKind } from '../dialect';
import type { DatabaseSchema } from '../schema';
import { type MessageQuery, selectMessages, toMessage } from './message-rows';
import { insertNewPostgres } from './postgres-message-insert';
import { insertNewSqlite } from './sqlite-message-insert';

function applyFilter(query: MessageQuery, roomId: string, filter: MessageFilter): MessageQuery {
  let q = query.where('m.room_id', '=', roomId);
  if (filter.userId !== undefined) q = q.where('m.sender_id', '=', filter.userId);
  if (filter.from !== undefined) q = q.where('m.created_at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('m.created_at', '<=', filter.to);
  if (filter.before !== undefined) q = q.where('m.created_at', '<', filter.before);
  if (filter.contains !== undefined) {
    // Escape LIKE wildcards so "contains" is a literal substring match.
    const escaped = filter.contains.replace(/[\\%_]/g, (c) => `\\${c}`);
    // lower() on both sides: LIKE is case-insensitive on SQLite but not on PostgreSQL.
    q = q.where(sql<boolean>`lower(m.text) like lower(${`%${escaped}%`}) escape '\\'`);
  }
  return q;
}

export type SearchFn = (db: Kysely<DatabaseSchema>, query: SearchQuery) => Promise<Message[]>;

/** True for a unique-constraint violation on either dialect. */
function isUniqueViolation(error: unknown): boolean {
  if (error === null || typeof error !== 'object' || !('code' in error)) return false;
  return error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function selectFile(db: Kysely<DatabaseSchema>, fileId: string): Promise<FileRef | undefined> {
  const row = await db.selectFrom('files').select(['id', 'name', 'size', 'mime']).where('id', '=', fileId).executeTakeFirst();
  return row && { fileId: row.id, name: row.name, size: Number(row.size), mime: row.mime };
}

async function findByClientId(db: Kysely<DatabaseSchema>, message: NewMessage): Promise<Message | undefined> {
  const row = await selectMessages(db)
    .where('m.room_id', '=', message.roomId)
    .where('m.sender_id', '=', message.senderId)
    .where('m.client_id', '=', message.clientId)
    .executeTakeFirst();
  return row && toMessage(row);
}

const idempotencyKey = (m: NewMessage) => `${m.roomId}\u0000${m.senderId}\u0000${m.clientId}`;

type Stored = { message: Message; created: boolean };
type StoreOne = (db: Kysely<DatabaseSchema>, message: NewMessage, file: FileRef | null) => Promise<Stored>;

/**
 * Stores a new message with the dialect's statements, or answers with the stored copy of a resend:
 * PostgreSQL in one statement (postgres-message-insert.ts), SQLite in two inside the caller's
 * transaction (sqlite-message-insert.ts).
 */
function storeOneWith(insertNew: typeof insertNewSqlite): StoreOne {
  return async (db, message, file) => {
    const stored = await insertNew(db, message, file);
    if (stored) return { message: stored, created: true };
    const existing = await findByClientId(db, message);
    if (existing) return { message: existing, created: false };
    throw new Error(`room ${message.roomId} is gone`);
  };
}

export function createMessageRepository(db: Kysely<DatabaseSchema>, search: SearchFn, kind: SqlDialectKind): MessageRepository {
  const storeOne = storeOneWith(kind === 'postgres' ? insertNewPostgres : insertNewSqlite);
  return {
    async insertIdempotent(message) {
      const file = message.fileId === null ? null : ((await selectFile(db, message.fileId)) ?? null);
      try {
        return await db.transaction().execute((trx) => storeOne(trx, message, file));
      } catch (error) {
        // Two sends of one clientId raced (possible where transactions run concurrently): the
        // loser's transaction rolled back, seq included; answer with the winner's message.
        const winner = isUniqueViolation(error) ? await findByClientId(db, message) : undefined;
        if (winner) return { message: winner, created: false };
        throw error;
      }
    },
    async insertBatch(items) {
      // A lone message on PostgreSQL is one statement, its own transaction: one round trip.
      if (kind === 'postgres' && items.length === 1) return [await storeOne(db, items[0]!.message, items[0]!.file)];
      // Group commit (DESIGN §4b): every message of the batch in one transaction, one fsync.
      return db.transaction().execute(async (trx) => {
        const results: Stored[] = [];
        const inBatch = new Map<string, Message>();
        for (const { message, file } of items) {
          const key = idempotencyKey(message);
          const earlier = inBatch.get(key);
          const result = earlier ? { message: earlier, created: false } : await storeOne(trx, message, file);
          if (result.created) inBatch.set(key, result.message);
          results.push(result);
        }
        return results;
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
    search: (query) => search(db, query),
    async remove(roomId, filter, replaceWith) {
      return db.transaction().execute(async (trx) => {
        const rows = await applyFilter(selectMessages(trx), roomId, filter).execute();
        const seqs = rows.map((r) => r.seq);
        // Read in the same transaction, so the files named are exactly those these messages held.
        const fileIds = [...new Set(rows.flatMap((r) => (r.file_id === null ? [] : [r.file_id])))];
        if (seqs.length === 0) return { seqs, fileIds };
        const ids = rows.map((r) => r.id);
        if (replaceWith === undefined) await trx.deleteFrom('messages').where('id', 'in', ids).execute();
        else await trx.updateTable('messages').set({ text: replaceWith, file_id: null }).where('id', 'in', ids).execute();
        return { seqs, fileIds };
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
