// Reading message rows (with their file, if any) into the wire Message shape.
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { FileRef, Message, Reaction } from '../../domain';
import type { NewMessage } from '../repositories';
import type { DatabaseSchema, FilesTable, MessagesTable } from '../schema';

type Row = Selectable<MessagesTable> & {
  f_name: FilesTable['name'] | null;
  f_size: FilesTable['size'] | null;
  f_mime: FilesTable['mime'] | null;
};

/** The message columns every read selects (named, not m.*: PostgreSQL keeps a search vector on the table). */
export const MESSAGE_COLUMNS = [
  'm.num',
  'm.id',
  'm.room_id',
  'm.seq',
  'm.sender_id',
  'm.sender_name',
  'm.client_id',
  'm.text',
  'm.file_id',
  'm.created_at',
  'm.edited_at',
  'm.reply_seq',
  'm.reply_sender_name',
  'm.reply_text',
  'm.reactions',
] as const;

/** The same columns for hand-written SQL (the SQLite search). */
export const MESSAGE_COLUMNS_SQL = MESSAGE_COLUMNS.join(', ');

/** The stored JSON of the reactions column; only well-formed entries survive a bad row. */
export function parseReactions(json: string | null): Reaction[] {
  if (json === null) return [];
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  const reactions: Reaction[] = [];
  for (const entry of value as unknown[]) {
    if (entry === null || typeof entry !== 'object') continue;
    const { emoji, userIds } = entry as { emoji?: unknown; userIds?: unknown };
    if (typeof emoji !== 'string' || !Array.isArray(userIds)) continue;
    reactions.push({ emoji, userIds: userIds.filter((u): u is string => typeof u === 'string') });
  }
  return reactions;
}

export const storeReactions = (reactions: readonly Reaction[]): string | null => (reactions.length === 0 ? null : JSON.stringify(reactions));

/** A message just stored with `seq`: what the insert was given, nothing read back. */
export function newlyStored(message: NewMessage, seq: number, file: FileRef | null): Message {
  const { roomId, id, clientId, senderId, senderName, text, createdAt } = message;
  return { roomId, seq, id, clientId, senderId, senderName, text, createdAt, file, editedAt: null, replyTo: message.replyTo ?? null, reactions: [] };
}

export function toMessage(row: Row): Message {
  return {
    roomId: row.room_id,
    seq: Number(row.seq),
    id: row.id,
    clientId: row.client_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    text: row.text,
    createdAt: row.created_at,
    file:
      row.file_id !== null && row.f_name !== null
        ? { fileId: row.file_id, name: row.f_name, size: Number(row.f_size ?? 0), mime: row.f_mime ?? 'application/octet-stream' }
        : null,
    editedAt: row.edited_at,
    replyTo:
      row.reply_seq === null
        ? null
        : { seq: Number(row.reply_seq), senderName: row.reply_sender_name ?? '', text: row.reply_text ?? '' },
    reactions: parseReactions(row.reactions),
  };
}

export type MessageQuery = SelectQueryBuilder<DatabaseSchema & { m: MessagesTable; f: FilesTable }, 'm' | 'f', Row>;

export function selectMessages(db: Kysely<DatabaseSchema>): MessageQuery {
  return db
    .selectFrom('messages as m')
    .leftJoin('files as f', 'f.id', 'm.file_id')
    .select(MESSAGE_COLUMNS)
    .select(['f.name as f_name', 'f.size as f_size', 'f.mime as f_mime']);
}
