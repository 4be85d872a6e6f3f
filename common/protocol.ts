// The wire contract of ../shared/PROTOCOL.md as TypeScript types and zod schemas.
// Server and renderer both import from here, so a change to the contract is a compile error on
// both sides. Names and shapes here are binding: extend, never rename or reshape.
import { z } from 'zod';
import { type AttentionEventResults, type AttentionServerEvents, type NotifyLevel, attentionEventSchemas } from './attention-protocol';
export type { Alert, AlertMatch, MentionNew, NotifyLevel, RoomInvited } from './attention-protocol';

// ---------------------------------------------------------------------------------------------
// Shapes (§4)

export type Role = 'admin' | 'user';
export type RoomType = 'normal' | 'auditorium';
export type RoomPrivacy = 'open' | 'closed' | 'secret';

export interface User {
  id: string;
  name: string;
  displayName: string;
  roles: Role[];
}

export interface EffectiveConfig {
  defaultChatHistory: number;
  maxFileSizeKB: number;
  participantUpdateLimit: number;
  roomManagementUrl: string;
  maxMessageChars: number;
}

export interface Category {
  id: string;
  name: string;
  description: string;
  invitations: boolean;
  fileUpload: boolean;
  chatHistory: boolean;
  /** §11: whether authors may edit and delete their own messages in its rooms (default true). */
  messageEdits: boolean;
}

export interface Addin {
  id: string;
  name: string;
  url: string;
}

export interface RoomSummary {
  id: string;
  name: string;
  description: string;
  categoryId: string;
  type: RoomType;
  privacy: RoomPrivacy;
  disabled: boolean;
  joined: boolean;
  isMember: boolean;
  canManage: boolean;
  /** pchat addition (read markers): the caller follows the room. */
  followed?: boolean;
  /** pchat addition: seq of the room's last stored message; absent when the caller cannot read
   * the room or its category has chat history off (then there is no unread count). */
  lastSeq?: number;
  /** pchat addition: the highest seq the caller has marked read (0 = none); present with lastSeq. */
  lastReadSeq?: number;
  /** §12: unread messages that mention the caller (0 where the caller cannot read the room). */
  mentions?: number;
  /** §12: the caller was invited and has neither joined the room since nor declined. */
  invited?: boolean;
  /** pchat addition: the caller's notification level for the room (default "all"). */
  notify?: NotifyLevel;
  /**
   * pchat addition: on a closed room the caller may see but not read, who manages it (user
   * names), so the client can say whom to ask. Present on every RoomDetail.
   */
  managers?: string[];
}

export interface RoomDetail extends RoomSummary {
  addin: Addin | null;
  canPost: boolean;
  fileUpload: boolean;
  chatHistory: boolean;
  managers: string[];
  presenters: string[];
  /** pchat addition (§11): the category's messageEdits, so a client knows at once (and on every
   * room:updated) whether to offer Edit and Delete on the user's own messages. */
  messageEdits?: boolean;
}

export interface FileRef {
  fileId: string;
  name: string;
  size: number;
  mime: string;
}

export interface Message {
  roomId: string;
  seq: number;
  id: string;
  clientId: string;
  senderId: string;
  senderName: string;
  text: string;
  createdAt: string;
  file: FileRef | null;
  /** §11: when the text was last edited by its sender; null when never. */
  editedAt: string | null;
  /** §11: the message this one answers, as it was when the reply was sent. */
  replyTo: ReplyRef | null;
  /** §11: in order of first use; an emoji nobody holds any more is not listed. */
  reactions: Reaction[];
}

export interface ReplyRef {
  seq: number;
  senderName: string;
  /** The first 200 code points of the replied message's text when the reply was sent. */
  text: string;
}

export interface Reaction {
  emoji: string;
  /** Who holds it, in no set order. */
  userIds: string[];
}

export interface Participant {
  userId: string;
  displayName: string;
}

export interface Roster {
  roomId: string;
  count: number;
  truncated: boolean;
  participants: Participant[] | null;
}

export interface SearchHit {
  message: Message;
  roomName: string;
}

// ---------------------------------------------------------------------------------------------
// Errors and acks (§2)

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'room_disabled',
  'history_disabled',
  'file_upload_disabled',
  'too_large',
  'rate_limited',
  'internal',
  // HTTP-only (§7)
  'conflict',
  'bad_credentials',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

// ---------------------------------------------------------------------------------------------
// Client → server events (§2): request schemas, validated on arrival by the server.

const id = z.string().min(1).max(200);
const seqNumber = z.number().int();

export const clientEventSchemas = {
  'rooms:list': z.object({}).strip(),
  'room:join': z.object({ roomId: id }),
  'room:leave': z.object({ roomId: id }),
  'room:history': z.object({
    roomId: id,
    beforeSeq: seqNumber.min(1),
    limit: z.number().int().min(1).max(200),
  }),
  'message:send': z.object({
    roomId: id,
    clientId: z.string().min(1).max(100),
    // Length in code points is checked against the effective maxMessageChars by the server;
    // this outer bound only protects the parser.
    text: z.string().max(100_000),
    fileId: id.optional(),
    // §11: a message of the same room; the server answers bad_request when there is none.
    replyToSeq: seqNumber.min(1).optional(),
  }),
  'messages:since': z.object({ roomId: id, afterSeq: seqNumber.min(0) }),
  search: z.object({
    query: z.string().min(1).max(500),
    roomId: id.optional(),
    beforeSeq: seqNumber.min(1).optional(),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  // pchat additions (docs/protocol.md "What pchat adds").
  'room:read': z.object({ roomId: id, seq: seqNumber.min(0) }),
  'room:follow': z.object({ roomId: id, follow: z.boolean() }),
  // §11 message actions. The emoji rule (common/reaction-emoji.ts) and the text rules are checked
  // by the server so the error says which; these bounds only protect the parser.
  'message:edit': z.object({ roomId: id, seq: seqNumber.min(1), text: z.string().max(100_000) }),
  'message:delete': z.object({ roomId: id, seq: seqNumber.min(1) }),
  'message:react': z.object({ roomId: id, seq: seqNumber.min(1), emoji: z.string().min(1).max(64), on: z.boolean() }),
  'messages:seek': z.object({ roomId: id, date: z.union([z.iso.datetime({ offset: true }), z.iso.date()]) }),
  // §12 alerts and invitations, and the per-room notification level (common/attention-protocol.ts).
  ...attentionEventSchemas,
} as const;

export type ClientEventName = keyof typeof clientEventSchemas;
export type ClientRequest<E extends ClientEventName> = z.infer<(typeof clientEventSchemas)[E]>;

/** What each client→server event answers on success (the part beside `ok: true`). */
export interface ClientEventResults extends AttentionEventResults {
  'rooms:list': {
    rooms: RoomSummary[];
    categories: Category[];
    /** pchat addition: the room the caller last joined (on any device), if they may still find it. */
    lastRoomId?: string | null;
  };
  'room:join': { room: RoomDetail; messages: Message[]; hasMore: boolean; roster: Roster };
  'room:leave': Record<never, never>;
  'room:history': { messages: Message[]; hasMore: boolean };
  'message:send': { message: Message };
  'messages:since': { messages: Message[]; hasMore: boolean };
  search: { hits: SearchHit[] };
  /** Where the caller's marker stands afterwards (it never moves back). */
  'room:read': { lastReadSeq: number };
  'room:follow': Record<never, never>;
  'message:edit': { message: Message };
  'message:delete': Record<never, never>;
  'message:react': { message: Message };
  /** The first message at or after the date, else the room's last seq (0 when it has none). */
  'messages:seek': { seq: number };
}

/** socket.io typing for the client→server direction. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (request: ClientRequest<E>, ack: (answer: Ack<ClientEventResults[E]>) => void) => void;
};

/** socket.io typing for the server→client direction. */
export interface ServerToClientEvents extends AttentionServerEvents {
  session: (payload: { user: User; config: EffectiveConfig; serverVersion: string }) => void;
  'config:updated': (payload: { config: EffectiveConfig }) => void;
  'message:new': (payload: { message: Message }) => void;
  'message:removed': (payload: { roomId: string; seq: number }) => void;
  /** §11: a message was edited, its reactions changed, or an administrator rewrote it. */
  'message:updated': (payload: { message: Message }) => void;
  'roster:update': (payload: Roster) => void;
  'room:updated': (payload: { room: RoomDetail }) => void;
  'room:removed': (payload: { roomId: string }) => void;
  /** pchat addition: a message was stored in a room the user follows. `lastReadSeq` is set only
   * for the sender, whose own message counts as read. */
  'room:activity': (payload: RoomActivity) => void;
}

export interface RoomActivity {
  roomId: string;
  lastSeq: number;
  lastReadSeq?: number;
}

/** Catch-up and history pages are bounded so one call never carries the whole room. */
export const MAX_SINCE_PAGE = 500;
export const DEFAULT_SEARCH_LIMIT = 50;

// ---------------------------------------------------------------------------------------------
// HTTP bodies (§1, §7)

export const signInBodySchema = z.object({
  user: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const redeemBodySchema = z.object({ code: z.string().min(1).max(200) });

export interface SessionResponse {
  token: string;
  user: User;
  /** When the token stops working unless used again (§10: the earlier of the idle and absolute limits). */
  expiresAt: string;
}

export interface HandoffResponse {
  code: string;
  expiresInS: number;
}

export interface HealthResponse {
  ok: true;
  version: string;
  pool: string;
  site: string;
}
