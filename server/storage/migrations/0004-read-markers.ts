// Read markers and follows, per user and room, kept on the server so they follow the user across
// devices. One row holds both: a follow without a read marker starts at 0, and a read marker
// without a follow still gives an unread count in the room list. The two dialects share the DDL
// (plain integers and text); the monotonic update is an ON CONFLICT that both understand.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('read_markers')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('last_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('followed', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('read_markers_pk', ['user_id', 'room_id'])
    .execute();
  // A stored message looks up the followers of its room.
  await db.schema.createIndex('read_markers_room').on('read_markers').columns(['room_id', 'followed']).execute();
}
