// Messages per room. Stored messages are kept sorted by seq with at most one per seq; the
// user's own sends wait in `pending` (keyed by clientId) until their ack or their broadcast
// arrives, whichever is first, so a message is never shown twice.
import type { FileRef, Message, ReplyRef } from '../../common/protocol';

export interface PendingMessage {
  clientId: string;
  roomId: string;
  text: string;
  fileId?: string;
  file: FileRef | null;
  status: 'sending' | 'failed';
  /** The message this one answers (§11 replyToSeq), shown as a quote while it waits. */
  replyTo?: ReplyRef;
}

export interface RoomTimeline {
  messages: Message[];
  pending: PendingMessage[];
  hasMore: boolean;
  loadingOlder: boolean;
}

export interface MessagesState {
  timelines: Record<string, RoomTimeline>;
}

export const initialMessagesState: MessagesState = { timelines: {} };

export const emptyTimeline: RoomTimeline = { messages: [], pending: [], hasMore: false, loadingOlder: false };

/** Index of the first message whose seq is >= `seq` (binary search over the sorted list). */
export function lowerBound(messages: readonly Message[], seq: number): number {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((messages[mid]?.seq ?? Infinity) < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** True when `incoming` is strictly ascending and starts above the last message shown. */
function isAppend(existing: readonly Message[], incoming: readonly Message[]): boolean {
  let previous = existing.at(-1)?.seq ?? -Infinity;
  for (const message of incoming) {
    if (message.seq <= previous) return false;
    previous = message.seq;
  }
  return true;
}

/** Incoming sorted by seq with one entry per seq; a later copy in the batch wins. */
function sortedUnique(incoming: readonly Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Merges messages into a seq-sorted list; a seq already present is kept once (the newer copy wins).
 * Live traffic is almost always an append (seq above the last one): that costs one check per
 * incoming message and one array copy, with no map and no sort of the timeline. Anything else
 * (catch-up, gap repair, a page of history, the ack and the broadcast of one send) merges the
 * sorted batch in from its insertion point; the timeline itself is never re-sorted. The same
 * array comes back when nothing changed, so nothing re-renders.
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return existing as Message[];
  if (isAppend(existing, incoming)) return existing.concat(incoming);
  const batch = sortedUnique(incoming);
  const start = lowerBound(existing, batch[0]?.seq ?? 0);
  const merged = existing.slice(0, start);
  let changed = false;
  let i = start;
  for (const message of batch) {
    while (i < existing.length && (existing[i]?.seq ?? 0) < message.seq) merged.push(existing[i++] as Message);
    const current = existing[i];
    if (current?.seq === message.seq) {
      i += 1;
      if (current !== message) changed = true;
    } else {
      changed = true;
    }
    merged.push(message);
  }
  if (!changed) return existing as Message[];
  for (; i < existing.length; i += 1) merged.push(existing[i] as Message);
  return merged;
}

/** The list without `seq`; the same array when it was not there. */
export function removeMessage(existing: readonly Message[], seq: number): Message[] {
  const index = lowerBound(existing, seq);
  if (existing[index]?.seq !== seq) return existing as Message[];
  return [...existing.slice(0, index), ...existing.slice(index + 1)];
}

/** Drops pending entries that a stored message of this user now stands for. */
export function settlePending(
  pending: readonly PendingMessage[],
  stored: readonly Message[],
  userId: string | undefined,
): PendingMessage[] {
  if (pending.length === 0 || userId === undefined) return pending as PendingMessage[];
  const settled = new Set(stored.filter((message) => message.senderId === userId).map((message) => message.clientId));
  const next = pending.filter((entry) => !settled.has(entry.clientId));
  return next.length === pending.length ? (pending as PendingMessage[]) : next;
}

export function withMessages(
  timeline: RoomTimeline,
  incoming: readonly Message[],
  userId: string | undefined,
): RoomTimeline {
  const messages = mergeMessages(timeline.messages, incoming);
  const pending = settlePending(timeline.pending, incoming, userId);
  if (messages === timeline.messages && pending === timeline.pending) return timeline;
  return { ...timeline, messages, pending };
}
