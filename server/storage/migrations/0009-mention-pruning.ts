// Mentions follow their message (PROTOCOL §12, docs/protocol.md "Attention, beyond §12"): an edit
// or a removal deletes the rows of one message, (room_id, seq), which the primary key
// (user_id, room_id, seq) cannot find without a scan of every user's rows. One index on the
// message's key; the periodic prune walks the primary key and needs nothing more.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('mentions_message').on('mentions').columns(['room_id', 'seq']).execute();
}
