// A new message on SQLite in two plain statements inside the caller's transaction (issue 8): the
// insert takes the room's next seq from the room's row, then the room's counter moves to it. The
// sender's clientId is checked by the store's own unique index, not by a query first: a resend
// (rare) fails the insert, which changes nothing, and the caller then reads the stored copy.
// Before, each send built three queries with the query builder (a look-up by clientId with the
// whole message row, the counter's update, the insert): about a third of a millisecond of the
// event loop per message, the loop every connection shares.
//
// Seqs stay without gaps and in order: one connection writes (SQLite has a single writer), and
// the counter only moves after its message is in.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { FileRef, Message } from '../../domain';
import type { NewMessage } from '../repositories';
import type { DatabaseSchema } from '../schema';
import { newlyStored } from './message-rows';

/** The error of an insert whose sender already stored this clientId in the room. */
function isResend(error: unknown): boolean {
  if (error === null || typeof error !== 'object' || !('code' in error) || error.code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  return 'message' in error && typeof error.message === 'string' && error.message.includes('client_id');
}

/**
 * Stores `message` with its room's next seq and returns it, or undefined when the room already
 * holds a message of this sender with this clientId (or the room is gone): the caller looks it up.
 */
export async function insertNewSqlite(db: Kysely<DatabaseSchema>, message: NewMessage, file: FileRef | null): Promise<Message | undefined> {
  const { roomId, id, clientId, senderId, senderName, text, createdAt } = message;
  const replyTo = message.replyTo ?? null;
  let seq: number;
  try {
    const { rows } = await sql<{ seq: number }>`
      insert into messages (id, room_id, seq, sender_id, sender_name, client_id, text, file_id, created_at, reply_seq, reply_sender_name, reply_text)
      select ${id}, ${roomId}, last_seq + 1, ${senderId}, ${senderName}, ${clientId}, ${text}, ${message.fileId}, ${createdAt},
        ${replyTo?.seq ?? null}, ${replyTo?.senderName ?? null}, ${replyTo?.text ?? null}
      from rooms where id = ${roomId}
      returning seq`.execute(db);
    if (!rows[0]) return undefined;
    seq = Number(rows[0].seq);
  } catch (error) {
    if (isResend(error)) return undefined;
    throw error;
  }
  await sql`update rooms set last_seq = ${seq} where id = ${roomId}`.execute(db);
  return newlyStored(message, seq, file);
}
