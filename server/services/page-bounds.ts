// A page of messages is bounded in bytes as well as in count, so no reply (a join, a history page,
// a catch-up) can make the server hold megabytes for one request: 30 messages of 8,000 characters
// of three-byte text would otherwise be 720 kB, and 200 joins of that room 144 MB. A page that
// hits the bound is cut and says `hasMore`, and the client pages on as usual; a page always keeps
// at least one message, so paging always moves.
import type { Message } from '../domain';

export const MAX_PAGE_BYTES = 256 * 1024;
/**
 * A catch-up page (messages:since, up to 500 messages) gets more room: a reconnecting client wants
 * to be current in few round trips, and it asks once per reconnect, not once per scroll.
 */
export const MAX_CATCH_UP_BYTES = 1024 * 1024;

/** What a message adds to a reply besides its text (ids, names, dates, JSON punctuation). */
const OVERHEAD_BYTES = 300;

/** §11 adds what a message carries besides its text: the reply excerpt and who reacted. */
function extrasOf(message: Message): number {
  let bytes = message.replyTo === null ? 0 : Buffer.byteLength(message.replyTo.text) + Buffer.byteLength(message.replyTo.senderName);
  for (const reaction of message.reactions) {
    bytes += reaction.emoji.length * 2;
    for (const userId of reaction.userIds) bytes += userId.length + 3;
  }
  return bytes;
}

/** About what a message weighs as JSON (the page bounds; the recent-messages cache's budget). */
export const messageBytes = (message: Message): number =>
  Buffer.byteLength(message.text) + Buffer.byteLength(message.senderName) + extrasOf(message) + OVERHEAD_BYTES;

/** Keeps the newest messages (the end of an oldest-first list) that fit. */
export function newestWithin(messages: Message[], budget = MAX_PAGE_BYTES): { messages: Message[]; cut: boolean } {
  let used = 0;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    used += messageBytes(messages[i]!);
    if (used > budget && i < messages.length - 1) return { messages: messages.slice(i + 1), cut: true };
  }
  return { messages, cut: false };
}

/** Keeps the oldest messages (the start of an oldest-first list) that fit. */
export function oldestWithin(messages: Message[], budget = MAX_PAGE_BYTES): { messages: Message[]; cut: boolean } {
  let used = 0;
  for (let i = 0; i < messages.length; i += 1) {
    used += messageBytes(messages[i]!);
    if (used > budget && i > 0) return { messages: messages.slice(0, i), cut: true };
  }
  return { messages, cut: false };
}
