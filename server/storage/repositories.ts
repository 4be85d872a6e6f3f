// What the services need from storage (STYLE.md §8). The SQLite implementation lives in sql/;
// a PostgreSQL one implements the same interfaces and runs the same tests.
import type { Addin, ConfigEntry, FileRef, Message, Reaction, ReplyRef, Role, RoomPrivacy, RoomType } from '../domain';
import type { AttentionStorage } from './attention-storage';
import type { LastRoomStorage } from './last-room-storage';

export interface UserRecord {
  id: string;
  name: string;
  displayName: string;
  roles: Role[];
  passwordHash: string;
  /** A disabled account cannot sign in; its sessions were revoked when it was disabled. */
  disabled: boolean;
}

export interface UserRepository {
  findById(id: string): Promise<UserRecord | undefined>;
  /** Case-insensitive (§10); when two stored names differ only in case, the exact spelling wins. */
  findByName(name: string): Promise<UserRecord | undefined>;
  list(): Promise<UserRecord[]>;
  create(user: UserRecord): Promise<void>;
  update(user: UserRecord): Promise<void>;
  count(): Promise<number>;
}

export interface SessionRecord {
  /** Random public id; the token hash never leaves the server. */
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string;
}

export interface SessionUse {
  tokenHash: string;
  /** ISO-8601 UTC. */
  lastUsedAt: string;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  find(tokenHash: string): Promise<SessionRecord | undefined>;
  listForUser(userId: string): Promise<SessionRecord[]>;
  /** Moves last_used_at forward (never back). */
  touch(tokenHash: string, lastUsedAt: string): Promise<void>;
  /**
   * Moves last_used_at forward (never back) for many sessions: one statement per few hundred,
   * with the event loop let run between statements, so a minute's worth of uses from thousands of
   * sockets never holds it for long.
   */
  touchMany(uses: readonly SessionUse[]): Promise<void>;
  /** Returns whether a session was deleted. */
  delete(tokenHash: string): Promise<boolean>;
  /** Deletes one of the user's sessions by its public id; returns its token hash. */
  deleteById(userId: string, id: string): Promise<string | undefined>;
  /** Deletes every session of the user but `keepTokenHash`; returns the token hashes deleted. */
  deleteForUser(userId: string, keepTokenHash?: string): Promise<string[]>;
  /** Deletes sessions last used before `usedBefore` or created before `createdBefore`. */
  deleteStale(usedBefore: string, createdBefore: string): Promise<string[]>;
  /** Stores a code tied to the session that asked for it, and forgets codes expired before `now`. */
  createHandoff(codeHash: string, userId: string, sessionTokenHash: string, expiresAt: string, now: string): Promise<void>;
  /** Marks the code used if it is unused, unexpired and its session still exists; returns its user and session. */
  consumeHandoff(codeHash: string, now: string): Promise<{ userId: string; sessionTokenHash: string } | undefined>;
}

export interface ConfigRepository {
  list(): Promise<{ scope: string; fields: ConfigEntry }[]>;
  get(scope: string): Promise<ConfigEntry | undefined>;
  put(scope: string, fields: ConfigEntry, updatedAt: string): Promise<void>;
  delete(scope: string): Promise<boolean>;
}

export interface CategoryRecord {
  id: string;
  name: string;
  description: string;
  invitations: boolean;
  fileUpload: boolean;
  chatHistory: boolean;
  /** §11: authors may edit and delete their own messages. */
  messageEdits: boolean;
  allowedMembers: string[];
  deniedMembers: string[];
  creators: string[];
}

export interface CategoryRepository {
  list(): Promise<CategoryRecord[]>;
  get(id: string): Promise<CategoryRecord | undefined>;
  findByName(name: string): Promise<CategoryRecord | undefined>;
  create(category: CategoryRecord, createdAt: string): Promise<void>;
  update(category: CategoryRecord): Promise<void>;
}

export interface AddinRepository {
  list(): Promise<Addin[]>;
  get(id: string): Promise<Addin | undefined>;
  findByName(name: string): Promise<Addin | undefined>;
  create(addin: Addin, createdAt: string): Promise<void>;
  update(addin: Addin): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface RoomRecord {
  id: string;
  name: string;
  categoryId: string;
  description: string;
  type: RoomType;
  privacy: RoomPrivacy;
  disabled: boolean;
  addinId: string | null;
  invitations: boolean;
  createdBy: string | null;
  members: string[];
  managers: string[];
  presenters: string[];
}

export interface RoomRepository {
  list(): Promise<RoomRecord[]>;
  get(id: string): Promise<RoomRecord | undefined>;
  findByName(name: string): Promise<RoomRecord | undefined>;
  create(room: RoomRecord, createdAt: string): Promise<void>;
  update(room: RoomRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface NewMessage {
  id: string;
  roomId: string;
  senderId: string;
  senderName: string;
  clientId: string;
  text: string;
  fileId: string | null;
  createdAt: string;
  /** §11: the snapshot of the message replied to, taken at send time. */
  replyTo?: ReplyRef | null;
}

export interface MessageFilter {
  userId?: string;
  contains?: string;
  /** Inclusive bounds on createdAt (ISO). */
  from?: string;
  to?: string;
  /** Exclusive upper bound on createdAt (ISO), for clearing a room. */
  before?: string;
}

export interface SearchQuery {
  /** Words to find (all of them, case-insensitive). */
  words: string[];
  roomIds: string[];
  beforeSeq?: number;
  limit: number;
}

export interface MessageRepository {
  /** Stores the message with the room's next seq, or returns the one already stored for its clientId. */
  insertIdempotent(message: NewMessage): Promise<{ message: Message; created: boolean }>;
  /**
   * insertIdempotent for several messages in one transaction, in order; `file` is the stored file
   * the message carries (already checked by the caller). All or nothing.
   */
  insertBatch(items: { message: NewMessage; file: FileRef | null }[]): Promise<{ message: Message; created: boolean }[]>;
  latest(roomId: string, limit: number): Promise<Message[]>;
  before(roomId: string, beforeSeq: number, limit: number): Promise<Message[]>;
  after(roomId: string, afterSeq: number, limit: number): Promise<Message[]>;
  search(query: SearchQuery): Promise<Message[]>;
  /**
   * Removes (or, with replaceWith, rewrites without their file) matching messages; returns the
   * seqs touched and the files those messages held, which the caller removes with them.
   */
  remove(roomId: string, filter: MessageFilter, replaceWith?: string): Promise<{ seqs: number[]; fileIds: string[] }>;
  list(filter: { roomIds: string[]; from?: string }): Promise<Message[]>;
}

/** An earlier text of an edited message (§11 export). */
export interface MessageEdit {
  text: string;
  /** When this text was replaced. */
  editedAt: string;
}

export interface MessageRemoval {
  roomId: string;
  seq: number;
  removedAt: string;
  /** The remover's user id. */
  removedBy: string;
}

/** §11 message actions; each is O(1) queries, the changes in one transaction each. */
export interface MessageActionRepository {
  get(roomId: string, seq: number): Promise<Message | undefined>;
  /** The message a sender stored under this clientId, if any. */
  byClientId(roomId: string, senderId: string, clientId: string): Promise<Message | undefined>;
  /** Messages of one room by seq, in seq order (those that still exist). */
  getMany(roomId: string, seqs: readonly number[]): Promise<Message[]>;
  /** Replaces the text and keeps the earlier one; undefined when the message is gone. */
  edit(roomId: string, seq: number, text: string, editedAt: string): Promise<Message | undefined>;
  /**
   * Rewrites the reactions under a row lock: `change` gets the current list and returns the new
   * one (or throws, and nothing changes). Undefined when the message is gone.
   */
  updateReactions(roomId: string, seq: number, change: (current: Reaction[]) => Reaction[]): Promise<Message | undefined>;
  /** Deletes the message (its earlier texts with it) and records the removal; the file it held, for the caller. */
  remove(removal: MessageRemoval): Promise<{ fileId: string | null } | undefined>;
  /** Records removals done elsewhere (administrators' §7 jobs). */
  recordRemovals(removals: readonly MessageRemoval[]): Promise<void>;
  /** The seq of the first message at or after `date`, else of the last message, else 0. */
  seek(roomId: string, date: string): Promise<number>;
  /** Earlier texts of the messages of these rooms (created at or after `from`), oldest first per message id. */
  edits(filter: { roomIds: string[]; from?: string }): Promise<Map<string, MessageEdit[]>>;
  /** Removals in these rooms (at or after `from`), oldest first. */
  removals(filter: { roomIds: string[]; from?: string }): Promise<MessageRemoval[]>;
}

export interface FileRecord extends FileRef {
  roomId: string;
  uploaderId: string;
}

export interface FileRepository {
  create(file: FileRecord, createdAt: string): Promise<void>;
  get(id: string): Promise<FileRecord | undefined>;
  listIdsByRoom(roomId: string): Promise<string[]>;
  /** Deletes the rows among `ids` that no message holds any more; returns the ids deleted. */
  deleteUnreferenced(ids: readonly string[]): Promise<string[]>;
  /** Up to `limit` files created before `createdBefore` that no message holds. */
  listUnattached(createdBefore: string, limit: number): Promise<string[]>;
  /** Bytes of the files the user uploaded at or after `since` (still stored). */
  bytesUploadedSince(uploaderId: string, since: string): Promise<number>;
}

export interface ReadMarker {
  roomId: string;
  lastReadSeq: number;
  followed: boolean;
}

export interface ReadMarkerRepository {
  listForUser(userId: string): Promise<ReadMarker[]>;
  /** Moves the marker forward to `seq` (never back); returns where it stands afterwards. */
  markRead(userId: string, roomId: string, seq: number): Promise<number>;
  /** markRead for many (user, room) pairs at once, each pair at most once, in one statement. */
  markReadMany(markers: { userId: string; roomId: string; seq: number }[]): Promise<void>;
  /** Where the user stands in the room (0 when never marked). */
  marker(userId: string, roomId: string): Promise<number>;
  setFollowed(userId: string, roomId: string, followed: boolean): Promise<void>;
  /** The room's readers: users who follow it or have marked any of it read (a marker above 0). */
  readerIds(roomId: string): Promise<string[]>;
  /** The seq of the last stored message of every room (rooms.last_seq). */
  lastSeqs(): Promise<Map<string, number>>;
  lastSeq(roomId: string): Promise<number>;
}

/** Alerts and attention (PROTOCOL §12) are declared in attention-storage.ts. */
export interface Storage extends AttentionStorage, LastRoomStorage {
  users: UserRepository;
  sessions: SessionRepository;
  config: ConfigRepository;
  categories: CategoryRepository;
  addins: AddinRepository;
  rooms: RoomRepository;
  messages: MessageRepository;
  messageActions: MessageActionRepository;
  files: FileRepository;
  readMarkers: ReadMarkerRepository;
  close(): Promise<void>;
}
