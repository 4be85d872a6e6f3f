// Messages per room. Stored messages are kept sorted by seq with at most one per seq; the
// user's own sends wait in `pending` (keyed by clientId) until their ack or their broadcast
// arrives, whichever is first, so a message is never shown twice.
import type { FileRef, Message } from '../../common/protocol';

export interface PendingMessage {
  clientId: string;
  roomId: string;
  text: string;
  fileId?: string;
  file: FileRef | null;
  status: 'sending' | 'failed';
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

/** Merges messages into a seq-sorted list; a seq already present is kept once (the newer copy wins). */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return existing as Message[];
  const bySeq = new Map<number, Message>();
  for (const message of existing) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
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
  return { ...timeline, messages, pending: settlePending(timeline.pending, incoming, userId) };
}
