// Pure transitions for §11: a message changed in place (edit, reactions, an administrator's
// rewrite). The seq stays, so the timeline keeps its order and only that entry is replaced.
import type { Message } from '../../common/protocol';
import type { ChatState } from './chat-store';
import { lowerBound } from './messages-slice';

export function applyMessageUpdated(state: ChatState, message: Message): Partial<ChatState> {
  const timeline = state.timelines[message.roomId];
  if (!timeline) return {};
  const index = lowerBound(timeline.messages, message.seq);
  if (timeline.messages[index]?.seq !== message.seq) return {};
  const messages = timeline.messages.slice();
  messages[index] = message;
  return { timelines: { ...state.timelines, [message.roomId]: { ...timeline, messages } } };
}
