// The last room each user joined (server/storage/last-room-storage.ts). Numbered 0010 on its own:
// it reads and references nothing of 0009, so the two may land in either order. One row per
// user, replaced in place; both dialects share the DDL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('last_rooms')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .execute();
}
