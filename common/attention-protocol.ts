// PROTOCOL §12 (attention: mentions, keyword alerts, invitations) and the per-room notification
// level (a pchat addition), kept beside protocol.ts so that file stays readable; protocol.ts
// merges these schemas, results and pushes into the one contract.
import { z } from 'zod';
import type { Message, RoomSummary } from './protocol';
import { codePointLength } from './text';

/** §12 limits: beyond any of them `alert:save` answers bad_request. */
export const MAX_ALERTS_PER_USER = 50;
export const MAX_KEYWORDS_PER_ALERT = 20;
export const MAX_KEYWORD_CHARS = 100;
/** pchat's own bounds (the protocol sets none): an alert's name and how many rooms it names. */
export const MAX_ALERT_NAME_CHARS = 100;
export const MAX_ALERT_ROOMS = 500;

export interface Alert {
  id: string;
  name: string;
  keywords: string[];
  /** null = every room the user may read. */
  roomIds: string[] | null;
}

export const NOTIFY_LEVELS = ['all', 'mentions', 'none'] as const;
export type NotifyLevel = (typeof NOTIFY_LEVELS)[number];
/** What a room's level is until the user picks one. */
export const DEFAULT_NOTIFY_LEVEL: NotifyLevel = 'all';

export interface MentionNew {
  message: Message;
  roomName: string;
}

export interface AlertMatch {
  alertId: string;
  message: Message;
  roomName: string;
}

export interface RoomInvited {
  room: RoomSummary;
  /** Display name of who added the user. */
  by: string;
}

const id = z.string().min(1).max(200);
/** Characters are code points here as for message text (§9.9), counted after trimming. */
const bounded = (max: number) =>
  z
    .string()
    // Only protects the parser: astral characters take two UTF-16 units, and blanks are trimmed.
    .max(max * 4)
    .trim()
    .min(1)
    .refine((text) => codePointLength(text) <= max, `at most ${max} characters`);

export const attentionEventSchemas = {
  'alerts:list': z.object({}).strip(),
  'alert:save': z.object({
    id: id.optional(),
    name: bounded(MAX_ALERT_NAME_CHARS),
    keywords: z.array(bounded(MAX_KEYWORD_CHARS)).min(1).max(MAX_KEYWORDS_PER_ALERT),
    roomIds: z.array(id).max(MAX_ALERT_ROOMS).nullable().optional(),
  }),
  'alert:delete': z.object({ id }),
  'room:invitation': z.object({ roomId: id, accept: z.boolean() }),
  'room:notify': z.object({ roomId: id, level: z.enum(NOTIFY_LEVELS) }),
} as const;

export interface AttentionEventResults {
  'alerts:list': { alerts: Alert[] };
  'alert:save': { alert: Alert };
  'alert:delete': Record<never, never>;
  'room:invitation': Record<never, never>;
  'room:notify': Record<never, never>;
}

export interface AttentionServerEvents {
  /** A message in a room the user may read mentions them (every socket, followed or not). */
  'mention:new': (payload: MentionNew) => void;
  /** A message matched one of the user's keyword alerts. */
  'alert:match': (payload: AlertMatch) => void;
  /** A manager added the user to a room with invitations on. */
  'room:invited': (payload: RoomInvited) => void;
}
