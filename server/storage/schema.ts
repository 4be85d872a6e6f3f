// Table types for Kysely. Column names are snake_case as stored; booleans are 0/1 integers so the
// same queries run on SQLite and (later) PostgreSQL with smallint columns.
import type { Generated } from 'kysely';
import type { AttentionTables } from './attention-storage';
import type { LastRoomTables } from './last-room-storage';

export interface UsersTable {
  id: string;
  name: string;
  display_name: string;
  password_hash: string;
  /** JSON array of roles, e.g. ["admin","user"]. */
  roles: string;
  created_at: string;
  /** 1 when an administrator disabled the account (migration 0005). */
  disabled: number;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  /** Random public id (what the session list shows); never derived from the token. */
  id: string;
  user_id: string;
  created_at: string;
  /** For idle expiry; written at most once a minute per session, kept in memory in between. */
  last_used_at: string;
}

export interface HandoffCodesTable {
  code_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  /** The session that asked for the code: the code dies with it. */
  session_token_hash: string | null;
}

export interface ConfigEntriesTable {
  scope: string;
  /** JSON object holding only the fields this scope sets. */
  fields: string;
  updated_at: string;
}

export interface CategoriesTable {
  id: string;
  name: string;
  description: string;
  invitations: number;
  file_upload: number;
  chat_history: number;
  created_at: string;
  /** 1 when authors may edit and delete their own messages (migration 0007). */
  message_edits: number;
}

export type CategoryListName = 'allowed' | 'denied' | 'creators';

export interface CategoryMembersTable {
  category_id: string;
  list: CategoryListName;
  /** A user name, or "*" for everyone. */
  member: string;
}

export interface AddinsTable {
  id: string;
  name: string;
  url: string;
  created_at: string;
}

export interface RoomsTable {
  id: string;
  name: string;
  category_id: string;
  description: string;
  type: 'normal' | 'auditorium';
  privacy: 'open' | 'closed' | 'secret';
  disabled: number;
  addin_id: string | null;
  invitations: number;
  created_by: string | null;
  created_at: string;
  /** The seq of the last stored message; bumped inside the insert transaction. */
  last_seq: number;
}

export type RoomListName = 'members' | 'managers' | 'presenters';

export interface RoomMembersTable {
  room_id: string;
  list: RoomListName;
  member: string;
}

export interface MessagesTable {
  /** Integer key so the FTS5 index can use it as its content rowid. */
  num: Generated<number>;
  id: string;
  room_id: string;
  seq: number;
  sender_id: string;
  sender_name: string;
  client_id: string;
  text: string;
  file_id: string | null;
  created_at: string;
  /** Migration 0007: when the sender last edited the text. */
  edited_at: string | null;
  /** Migration 0007: the reply snapshot, all three set or all null. */
  reply_seq: number | null;
  reply_sender_name: string | null;
  reply_text: string | null;
  /** Migration 0007: JSON `[{ emoji, userIds }]` in order of first use; null when none. */
  reactions: string | null;
}

/** Each earlier text of an edited message, for the compliance export (migration 0007). */
export interface MessageEditsTable {
  num: Generated<number>;
  message_id: string;
  /** The text as it was before this edit replaced it. */
  text: string;
  /** When this text was replaced. */
  edited_at: string;
}

/** One row per removed message, for the compliance export (migration 0007). */
export interface MessageRemovalsTable {
  num: Generated<number>;
  room_id: string;
  seq: number;
  removed_at: string;
  /** The remover's user id. */
  removed_by: string;
}

export interface FilesTable {
  id: string;
  room_id: string;
  uploader_id: string;
  name: string;
  size: number;
  mime: string;
  created_at: string;
}

export interface ReadMarkersTable {
  user_id: string;
  room_id: string;
  /** Highest seq the user has read in the room; only ever moves forward. */
  last_read_seq: number;
  followed: number;
}

/** The tables of attention (migration 0008) are declared in attention-storage.ts, the last room
 * (0010) in last-room-storage.ts. */
export interface DatabaseSchema extends AttentionTables, LastRoomTables {
  users: UsersTable;
  sessions: SessionsTable;
  handoff_codes: HandoffCodesTable;
  config_entries: ConfigEntriesTable;
  categories: CategoriesTable;
  category_members: CategoryMembersTable;
  addins: AddinsTable;
  rooms: RoomsTable;
  room_members: RoomMembersTable;
  messages: MessagesTable;
  message_edits: MessageEditsTable;
  message_removals: MessageRemovalsTable;
  files: FilesTable;
  read_markers: ReadMarkersTable;
}
