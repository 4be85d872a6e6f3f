// Above a reply: who and what it answers, as it was when the reply was sent. A link to the
// original's permalink; a click jumps there in the app (loading older history as needed).
import type { MouseEvent } from 'react';
import type { ReplyRef } from '../../common/protocol';
import { useChatClient } from '../app/chat-context';
import { permalinkOf } from '../store/message-actions';
import { useMessageRow } from './message-row-context';

export function ReplyQuote({ roomId, reply }: { roomId: string; reply: ReplyRef }) {
  const client = useChatClient();
  const { t, serverUrl } = useMessageRow();
  const jump = (event: MouseEvent) => {
    event.preventDefault();
    void client.actions.jumpTo(roomId, reply.seq);
  };
  return (
    <a className="reply-quote" href={permalinkOf(serverUrl, roomId, reply.seq)} onClick={jump}>
      <span className="visually-hidden">{t('messageActions.inReplyTo', { name: reply.senderName })}: </span>
      <span className="reply-quote-sender" aria-hidden="true">
        {reply.senderName}
      </span>{' '}
      <span className="reply-quote-text">{reply.text}</span>
    </a>
  );
}
