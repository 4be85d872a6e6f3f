// The per-message toolbar (DESIGN §1b), inside the article: "Reply", "Add reaction",
// "Copy link", and where allowed "Edit" and "Delete". Always in the DOM (so assistive tech finds
// it); shown on hover and while focus is inside the message (message-timeline.css).
import { useRef, useState } from 'react';
import type { Message } from '../../common/protocol';
import { useChatClient } from '../app/chat-context';
import { copyText } from '../lib/copy-text';
import { canDeleteMessage, canEditMessage } from '../lib/message-permissions';
import { permalinkOf } from '../store/message-actions';
import { DeleteMessageDialog } from './delete-message-dialog';
import { useMessageRow } from './message-row-context';
import { ReactionPicker } from './reaction-picker';

export function MessageToolbar({ message }: { message: Message }) {
  const client = useChatClient();
  const { t, room, user, serverUrl } = useMessageRow();
  const [picking, setPicking] = useState<false | 'above' | 'below'>(false);
  const reactButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const { roomId, seq } = message;

  const copyLink = async () => {
    const ok = await copyText(permalinkOf(serverUrl, roomId, seq));
    setCopied(ok);
    if (ok) setTimeout(() => setCopied(false), 2500);
  };
  // The picker opens towards the middle of the conversation, so it is never cut off at its edge.
  const togglePicker = () => {
    if (picking) return closePicker();
    const button = reactButton.current;
    const scroller = button?.closest('[role="log"]');
    const middle = scroller ? scroller.getBoundingClientRect().top + scroller.clientHeight / 2 : Infinity;
    setPicking(button && button.getBoundingClientRect().top > middle ? 'above' : 'below');
  };
  const closePicker = () => {
    setPicking(false);
    reactButton.current?.focus({ preventScroll: true });
  };
  const pick = (emoji: string) => {
    closePicker();
    const held = message.reactions.some((r) => r.emoji === emoji && user !== null && r.userIds.includes(user.id));
    void client.actions.react(roomId, seq, emoji, !held);
  };

  return (
    <div className={picking || confirming ? 'message-toolbar open' : 'message-toolbar'} role="toolbar" aria-label={t('messageActions.toolbar')}>
      {room?.canPost !== false && (
        <button type="button" onClick={() => client.actions.startReply(message)}>
          {t('messageActions.reply')}
        </button>
      )}
      <button ref={reactButton} type="button" aria-expanded={picking !== false} onClick={togglePicker}>
        {t('messageActions.react')}
      </button>
      <button type="button" onClick={() => void copyLink()}>
        {t('messageActions.copyLink')}
      </button>
      {canEditMessage(message, user, room) && (
        <button type="button" onClick={() => client.actions.startEdit(roomId, seq)}>
          {t('messageActions.edit')}
        </button>
      )}
      {canDeleteMessage(message, user, room) && (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('messageActions.delete')}
        </button>
      )}
      {copied && (
        <span role="status" className="toolbar-status">
          {t('messageActions.linkCopied')}
        </span>
      )}
      {picking && <ReactionPicker placement={picking} onPick={pick} onClose={closePicker} />}
      {confirming && (
        <DeleteMessageDialog
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void client.actions.remove(roomId, seq);
          }}
        />
      )}
    </div>
  );
}
