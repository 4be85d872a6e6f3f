// The outbox: messages the user sent that the server has not acknowledged yet. They are kept
// across restarts (IndexedDB on the web, electron-store on the desktop) and crossed over IPC, so
// the shape is a zod schema: whatever comes back from storage or from the renderer is checked.
import { z } from 'zod';

/** Per account; far above what a person types offline, low enough to bound the file. */
export const MAX_OUTBOX_ENTRIES = 500;
/** Same outer bound as message:send (the server checks the real maxMessageChars). */
export const MAX_OUTBOX_TEXT = 100_000;

const id = z.string().min(1).max(200);

export const outboxEntrySchema = z.object({
  clientId: z.string().min(1).max(100),
  roomId: id,
  text: z.string().max(MAX_OUTBOX_TEXT),
  fileId: id.optional(),
  file: z
    .object({ fileId: id, name: z.string().max(1000), size: z.number().int().min(0), mime: z.string().max(200) })
    .nullable(),
  status: z.enum(['sending', 'failed']),
  /** §11: the message this one answers (sent as replyToSeq; the rest is shown while it waits). */
  replyTo: z
    .object({ seq: z.number().int().min(1), senderName: z.string().max(1000), text: z.string().max(MAX_OUTBOX_TEXT) })
    .optional(),
  /** ISO time of the first send: resends go out in this order. */
  createdAt: z.string().max(40).optional(),
  /** Sends tried so far (automatic and by hand). */
  attempts: z.number().int().min(0).max(1_000_000).optional(),
  /** The last error code, shown on a failed entry. */
  lastError: z.string().max(40).optional(),
});

export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** `serverUrl|userId`: one account never sees (or sends) another's unsent messages. */
export const outboxAccountSchema = z.string().min(1).max(2200);

export const outboxEntriesSchema = z.array(outboxEntrySchema).max(MAX_OUTBOX_ENTRIES);

export function outboxAccount(serverUrl: string, userId: string): string {
  return `${serverUrl.replace(/\/+$/, '')}|${userId}`;
}

/** Keeps the valid entries of something read back from storage (stale, edited or corrupt). */
export function parseOutboxEntries(raw: unknown): OutboxEntry[] {
  if (!Array.isArray(raw)) return [];
  const entries: OutboxEntry[] = [];
  for (const item of raw) {
    const parsed = outboxEntrySchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
    if (entries.length === MAX_OUTBOX_ENTRIES) break;
  }
  return entries;
}
