// Gap repair for live messages (DESIGN §4): the Redis adapter's pub/sub is at-most-once, so a
// `message:new` can arrive with a seq more than one past the last one shown. The hole is filled
// from the database with `messages:since`; merging by seq keeps every message shown once.
import type { Message } from '../../common/protocol';
import type { ChatState } from './chat-store';

/** The seq to catch up after when `message` leaves a hole behind what the room shows; else null. */
export function gapBefore(state: ChatState, message: Message): number | null {
  const last = state.timelines[message.roomId]?.messages.at(-1);
  if (!last || message.seq <= last.seq + 1) return null;
  // Rooms without chat history answer messages:since with history_disabled: nothing to fetch.
  if (state.details[message.roomId]?.chatHistory === false) return null;
  return last.seq;
}

export class GapRepair {
  /** One repair per room at a time: the one running already fetches everything after its start. */
  private readonly running = new Set<string>();

  constructor(private readonly catchUp: (roomId: string, afterSeq: number) => Promise<void>) {}

  /** Call with the state before `message` is merged. */
  check(state: ChatState, message: Message): void {
    const afterSeq = gapBefore(state, message);
    if (afterSeq === null || this.running.has(message.roomId)) return;
    this.running.add(message.roomId);
    void this.catchUp(message.roomId, afterSeq).finally(() => this.running.delete(message.roomId));
  }
}
