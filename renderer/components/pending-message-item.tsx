// The user's own message waiting for its ack: same article shape as a stored one, plus a
// "Sending…" or "Not sent" line; a failed one offers Retry (same clientId, the server dedups)
// and Discard (gone from the outbox for good). A reply shows what it answers.
import { useTranslation } from 'react-i18next';
import { useChatClient } from '../app/chat-context';
import type { PendingMessage } from '../store/messages-slice';
import { MessageAvatar } from './message-avatar';
import { MessageText } from './message-text';

export function PendingMessageItem({ pending, senderName }: { pending: PendingMessage; senderName: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  return (
    <article className={`message pending ${pending.status}`} aria-busy={pending.status === 'sending'}>
      <MessageAvatar name={senderName} />
      <div className="message-body">
        <header className="message-meta">
          <span className="sender">{senderName}</span>{' '}
          <span className="pending-state">{pending.status === 'sending' ? t('message.sending') : t('message.failed')}</span>
          {pending.status === 'failed' && (
            <>
              <button type="button" className="link-button" onClick={() => client.retry(pending.roomId, pending.clientId)}>
                {t('message.retry')}
              </button>{' '}
              <button type="button" className="link-button" onClick={() => client.discard(pending.roomId, pending.clientId)}>
                {t('message.discard')}
              </button>
            </>
          )}
        </header>
        {pending.replyTo && (
          <p className="reply-quote">
            <span className="reply-quote-sender">{pending.replyTo.senderName}</span> {pending.replyTo.text}
          </p>
        )}
        {pending.file ? <p className="message-file">{pending.file.name}</p> : <MessageText text={pending.text} />}
      </div>
    </article>
  );
}
