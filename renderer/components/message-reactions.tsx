// A message's reactions: buttons named "<emoji> <count>", pressed when the user holds the
// reaction; a click toggles it. Who reacted shows as the title (hover) and the description
// (keyboard focus, screen readers).
import type { Message } from '../../common/protocol';
import { useChatClient } from '../app/chat-context';
import { useMessageRow } from './message-row-context';

export function MessageReactions({ message }: { message: Message }) {
  const client = useChatClient();
  const { t, user, nameOf } = useMessageRow();
  if (message.reactions.length === 0) return null;
  return (
    <div className="message-reactions" role="group" aria-label={t('messageActions.reactions')}>
      {message.reactions.map((reaction) => {
        const mine = user !== null && reaction.userIds.includes(user.id);
        const names = reaction.userIds.map((id) => nameOf(id) ?? id).join(', ');
        const who = t('messageActions.reactedBy', { names, emoji: reaction.emoji });
        return (
          <button
            key={reaction.emoji}
            type="button"
            className="reaction"
            aria-pressed={mine}
            aria-label={`${reaction.emoji} ${reaction.userIds.length}`}
            aria-description={who}
            title={who}
            onClick={() => void client.actions.react(message.roomId, message.seq, reaction.emoji, !mine)}
          >
            {reaction.emoji} {reaction.userIds.length}
          </button>
        );
      })}
    </div>
  );
}
