// Composer drafts (issue 10): per account (`serverUrl|userId`, as the outbox), room id → the
// unsent text. Kept across restarts (web: localStorage; desktop: electron-store in main over IPC),
// so whatever comes back from storage or crosses IPC is checked against this schema.
import { z } from 'zod';
import { MAX_OUTBOX_TEXT } from './outbox';

/** Rooms with a draft kept per account; the oldest go first beyond it. */
export const MAX_DRAFT_ROOMS = 200;

export const draftsSchema = z
  .record(z.string().min(1).max(200), z.string().min(1).max(MAX_OUTBOX_TEXT))
  .refine((drafts) => Object.keys(drafts).length <= MAX_DRAFT_ROOMS, { message: 'too many drafts' });

export type Drafts = Record<string, string>;

/** Keeps the valid drafts of something read back from storage (stale, edited or corrupt). */
export function parseDrafts(raw: unknown): Drafts {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const drafts: Drafts = {};
  for (const [roomId, text] of Object.entries(raw)) {
    if (Object.keys(drafts).length === MAX_DRAFT_ROOMS) break;
    if (roomId.length > 0 && roomId.length <= 200 && typeof text === 'string' && text.length > 0 && text.length <= MAX_OUTBOX_TEXT) {
      drafts[roomId] = text;
    }
  }
  return drafts;
}
