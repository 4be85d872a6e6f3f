// What the timeline and composer show beside the messages themselves: which message is being
// edited, the reply the composer is writing per room, the message a permalink or a reply quote
// jumped to (aria-current until the user moves on), and the composer drafts per room.
import type { ReplyRef } from '../../common/protocol';

export interface MessageRef {
  roomId: string;
  seq: number;
}

export interface MessageUiState {
  editing: MessageRef | null;
  /** Per room: the message the next send answers. */
  replyTo: Record<string, ReplyRef>;
  /** The message a permalink, search hit, reply quote or date jump opened. */
  target: MessageRef | null;
  /** Per room: unsent composer text (kept across room switches; saved through the platform). */
  drafts: Record<string, string>;
}

export const initialMessageUiState: MessageUiState = { editing: null, replyTo: {}, target: null, drafts: {} };
