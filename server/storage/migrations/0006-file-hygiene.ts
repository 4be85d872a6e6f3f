// Indexes for removing files (PROTOCOL §10): attachments leave with their message, and files
// never attached are swept after 24 h.
// - messages(file_id): deleting a file row sets the messages that point at it to null
//   (ON DELETE SET NULL), and the sweep asks "does any message hold this file?"; without the
//   index both scan every message.
// - files(created_at): the sweep walks files older than the cutoff.
// - files(uploader_id, created_at): a user's upload bytes of the last day (the byte budget).
// Both dialects share the DDL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('messages_file').on('messages').column('file_id').execute();
  await db.schema.createIndex('files_created').on('files').column('created_at').execute();
  await db.schema.createIndex('files_uploader_created').on('files').columns(['uploader_id', 'created_at']).execute();
}
