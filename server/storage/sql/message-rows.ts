// Reading message rows (with their file, if any) into the wire Message shape.
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { Message } from '../../domain';
import type { DatabaseSchema, FilesTable, MessagesTable } from '../schema';

type Row = Selectable<MessagesTable> & {
  f_name: FilesTable['name'] | null;
  f_size: FilesTable['size'] | null;
  f_mime: FilesTable['mime'] | null;
};

export function toMessage(row: Row): Message {
  return {
    roomId: row.room_id,
    seq: row.seq,
    id: row.id,
    clientId: row.client_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    text: row.text,
    createdAt: row.created_at,
    file:
      row.file_id !== null && row.f_name !== null
        ? { fileId: row.file_id, name: row.f_name, size: row.f_size ?? 0, mime: row.f_mime ?? 'application/octet-stream' }
        : null,
  };
}

export type MessageQuery = SelectQueryBuilder<DatabaseSchema & { m: MessagesTable; f: FilesTable }, 'm' | 'f', Row>;

export function selectMessages(db: Kysely<DatabaseSchema>): MessageQuery {
  return db
    .selectFrom('messages as m')
    .leftJoin('files as f', 'f.id', 'm.file_id')
    // Named columns, not m.*: PostgreSQL keeps a search vector on the same table.
    .select(['m.num', 'm.id', 'm.room_id', 'm.seq', 'm.sender_id', 'm.sender_name', 'm.client_id', 'm.text', 'm.file_id', 'm.created_at'])
    .select(['f.name as f_name', 'f.size as f_size', 'f.mime as f_mime']);
}

