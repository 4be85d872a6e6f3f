// The rows of the message list, read straight from the timeline: stored messages in seq order,
// then the outbox's pending ones. Nothing is copied per row, so a new message costs the list O(1)
// here whatever the room's length (the virtualiser asks only for the rows it lays out).
import type { Message } from '../../common/protocol';
import type { PendingMessage, RoomTimeline } from '../store/messages-slice';

export type Row = { message: Message; pending?: undefined } | { pending: PendingMessage; message?: undefined };

export interface TimelineRows {
  count: number;
  at(index: number): Row | undefined;
  /** Stable across appends and prepends, so mounted rows keep their DOM and measurements. */
  key(index: number): string;
  /** Seq of the first stored message, or null: a lower one after an update means rows went in above. */
  firstSeq: number | null;
}

export function timelineRows({ messages, pending }: Pick<RoomTimeline, 'messages' | 'pending'>): TimelineRows {
  const stored = messages.length;
  const at = (index: number): Row | undefined => {
    if (index < stored) {
      const message = messages[index];
      return message ? { message } : undefined;
    }
    const entry = pending[index - stored];
    return entry ? { pending: entry } : undefined;
  };
  return {
    count: stored + pending.length,
    at,
    key: (index) => {
      const row = at(index);
      if (row?.message) return `m:${row.message.roomId}:${row.message.seq}`;
      return row ? `p:${row.pending.clientId}` : `i:${index}`;
    },
    firstSeq: messages[0]?.seq ?? null,
  };
}

/**
 * Indexes to mount: the newest `floor` rows always, plus the rows the virtualiser wants for the
 * viewport when the reader is above the floor. Sorted, no duplicates.
 */
export function mountedIndexes(visible: readonly number[], count: number, floor: number): number[] {
  const floorStart = Math.max(0, count - floor);
  const tail = Array.from({ length: count - floorStart }, (_, i) => floorStart + i);
  return [...visible.filter((index) => index < floorStart), ...tail];
}
