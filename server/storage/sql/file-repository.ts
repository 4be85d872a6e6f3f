import type { Kysely } from 'kysely';
import type { FileRepository } from '../repositories';
import type { DatabaseSchema } from '../schema';

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
  };
}
