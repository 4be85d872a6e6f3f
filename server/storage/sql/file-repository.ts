import type { Kysely } from 'kysely';
import type { FileRepository } from '../repositories';
import type { DatabaseSchema } from '../schema';

/** Ids per statement: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

export function createFileRepository(db: Kysely<DatabaseSchema>): FileRepository {
  return {
    async create(file, createdAt) {
      await db
        .insertInto('files')
        .values({
          id: file.fileId,
          room_id: file.roomId,
          uploader_id: file.uploaderId,
          name: file.name,
          size: file.size,
          mime: file.mime,
          created_at: createdAt,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        row && { fileId: row.id, roomId: row.room_id, uploaderId: row.uploader_id, name: row.name, size: row.size, mime: row.mime }
      );
    },
    async listIdsByRoom(roomId) {
      const rows = await db.selectFrom('files').select('id').where('room_id', '=', roomId).execute();
      return rows.map((r) => r.id);
    },
    async deleteUnreferenced(ids) {
      const deleted: string[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        // One statement decides "no message holds it" and deletes, so a message that attached
        // the file meanwhile keeps it.
        const rows = await db
          .deleteFrom('files')
          .where('id', 'in', ids.slice(i, i + CHUNK))
          .where((eb) => eb.not(eb.exists(eb.selectFrom('messages').select('messages.id').whereRef('messages.file_id', '=', 'files.id'))))
          .returning('id')
          .execute();
        deleted.push(...rows.map((r) => r.id));
      }
      return deleted;
    },
    async listUnattached(createdBefore, limit) {
      const rows = await db
        .selectFrom('files')
        .select('id')
        .where('created_at', '<', createdBefore)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('messages').select('messages.id').whereRef('messages.file_id', '=', 'files.id'))))
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async bytesUploadedSince(uploaderId, since) {
      const row = await db
        .selectFrom('files')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes'))
        .where('uploader_id', '=', uploaderId)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(row.bytes);
    },
  };
}
