// Attention (PROTOCOL §12) and the per-room notification level:
// - mentions: one row per (mentioned user, room, seq), written once per message in one
//   multi-row insert; rooms:list counts those past the user's read marker in one grouped query.
// - invitations: who was invited to which room and by whom, until they join once or decline.
// - room_notify: the user's notification level for a room, where they picked one.
// - alerts: keyword alerts (topic feeds); keywords and rooms as JSON arrays, every server holds
//   them all in memory as an inverted index, so the table is only read at start and on change.
// Rows go with their user and room (ON DELETE CASCADE). Both dialects share the DDL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mentions')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentions_pk', ['user_id', 'room_id', 'seq'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('invitations_pk', ['user_id', 'room_id'])
    .execute();

  await db.schema
    .createTable('room_notify')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('room_notify_pk', ['user_id', 'room_id'])
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('room_ids', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_user').on('alerts').columns(['user_id', 'created_at']).execute();
}
