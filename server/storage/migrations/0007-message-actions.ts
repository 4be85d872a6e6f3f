// Message actions (PROTOCOL §11): edits, replies, reactions, deletes, and the category switch.
// - categories.message_edits: whether authors may edit and delete their own messages (default on).
// - messages gain edited_at, the reply snapshot (seq, sender name and the first 200 code points
//   of the text replied to, as they were at send time) and reactions as a JSON array: every page
//   of history reads them with the message row itself, no second query and no join per page.
// - message_edits keeps each earlier text for the compliance export; it goes with its message.
// - message_removals records each removal (when, by whom) for the export; it goes with its room.
// Both dialects share the DDL; only the integer key is generated differently.
import type { Kysely } from 'kysely';
import type { SqlDialectKind } from '../dialect';

export async function up(db: Kysely<unknown>, kind: SqlDialectKind): Promise<void> {
  const key = kind === 'postgres' ? 'bigserial' : 'integer';
  await db.schema.alterTable('categories').addColumn('message_edits', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable('messages').addColumn('edited_at', 'text').execute();
  await db.schema.alterTable('messages').addColumn('reply_seq', 'integer').execute();
  await db.schema.alterTable('messages').addColumn('reply_sender_name', 'text').execute();
  await db.schema.alterTable('messages').addColumn('reply_text', 'text').execute();
  await db.schema.alterTable('messages').addColumn('reactions', 'text').execute();

  await db.schema
    .createTable('message_edits')
    .addColumn('num', key, (c) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_edits_message').on('message_edits').columns(['message_id', 'num']).execute();

  await db.schema
    .createTable('message_removals')
    .addColumn('num', key, (c) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('removed_at', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_removals_room').on('message_removals').columns(['room_id', 'removed_at']).execute();
}
