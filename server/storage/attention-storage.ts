// What the attention service needs from storage (PROTOCOL §12): the tables of migration 0008 (0009
// indexes mentions by message) and the two repositories over them. Kept beside repositories.ts
// and schema.ts, which include them.
import type { NotifyLevel } from '../../common/attention-protocol';

export interface MentionsTable {
  user_id: string;
  room_id: string;
  seq: number;
}

export interface InvitationsTable {
  user_id: string;
  room_id: string;
  /** Display name of who added the user. */
  invited_by: string;
  invited_at: string;
}

export interface RoomNotifyTable {
  user_id: string;
  room_id: string;
  level: NotifyLevel;
}

export interface AlertsTable {
  id: string;
  user_id: string;
  name: string;
  /** JSON array of strings. */
  keywords: string;
  /** JSON array of room ids; null = every room the user may read. */
  room_ids: string | null;
  created_at: string;
}

export interface AttentionTables {
  mentions: MentionsTable;
  invitations: InvitationsTable;
  room_notify: RoomNotifyTable;
  alerts: AlertsTable;
}

export interface AlertRecord {
  id: string;
  userId: string;
  name: string;
  keywords: string[];
  roomIds: string[] | null;
}

export interface AlertRepository {
  /** Every alert of every user, for the in-memory index built at start. */
  listAll(): Promise<AlertRecord[]>;
  /** The user's alerts, oldest first. */
  listForUser(userId: string): Promise<AlertRecord[]>;
  /** Creates or replaces the alert (the caller checked it is the user's own). */
  put(alert: AlertRecord, at: string): Promise<void>;
  /** Deletes one of the user's alerts; false when it is not theirs or does not exist. */
  delete(userId: string, id: string): Promise<boolean>;
}

/** Where a prune pass stands: the last mention row it looked at, in primary-key order. */
export interface MentionKey {
  userId: string;
  roomId: string;
  seq: number;
}

export interface MentionPrunePage {
  /** Rows looked at (at most the limit asked for). */
  scanned: number;
  deleted: number;
  /** Where the next page starts; null when the pass has reached the end of the table. */
  next: MentionKey | null;
}

export interface AttentionRepository {
  /** One multi-row insert: the message `seq` of the room mentions these users. */
  addMentions(roomId: string, seq: number, userIds: readonly string[]): Promise<void>;
  /** The users the message `seq` of the room has a mention row for (an edit asks who was told). */
  mentionedIn(roomId: string, seq: number): Promise<string[]>;
  /** An edited message: its mention rows of users other than `keepUserIds` go (one statement). */
  keepMentions(roomId: string, seq: number, keepUserIds: readonly string[]): Promise<void>;
  /** Removed messages: their mention rows go (a statement per 500 seqs). */
  removeMentions(roomId: string, seqs: readonly number[]): Promise<void>;
  /**
   * One page of the prune pass: up to `limit` rows after `after` (from the start when null), of
   * which those at or below the user's stored read marker, or whose message is gone, are deleted.
   * Two statements, each bounded by `limit`.
   */
  pruneMentions(after: MentionKey | null, limit: number): Promise<MentionPrunePage>;
  /** The user's mention rows, by room and seq (tests and diagnostics; not on any hot path). */
  mentionRows(userId: string): Promise<{ roomId: string; seq: number }[]>;
  /**
   * Per room, the messages still existing that mention the user past their read marker — the
   * stored one, or the one in `readInMemory` for rooms where memory knows a newer one.
   */
  mentionCounts(userId: string, readInMemory: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  /** Stores (or renews) invitations to one room. */
  invite(roomId: string, invitations: readonly { userId: string; by: string }[], at: string): Promise<void>;
  invitedRooms(userId: string): Promise<string[]>;
  /** Returns whether there was an invitation. */
  clearInvitation(userId: string, roomId: string): Promise<boolean>;
  setNotifyLevel(userId: string, roomId: string, level: NotifyLevel): Promise<void>;
  notifyLevels(userId: string): Promise<Map<string, NotifyLevel>>;
}

export interface AttentionStorage {
  alerts: AlertRepository;
  attention: AttentionRepository;
}
