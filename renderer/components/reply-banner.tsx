// Above the composer in reply mode: who and what the next message answers, and "Cancel reply".
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';

export function ReplyBanner({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const reply = useChat((s) => s.replyTo[roomId] ?? null);
  if (!reply) return null;
  return (
    <div className="reply-banner">
      <span className="reply-banner-text">
        <strong>{t('messageActions.replyingTo', { name: reply.senderName })}</strong> {reply.text}
      </span>
      <button type="button" className="link-button" onClick={() => client.actions.cancelReply(roomId)}>
        {t('messageActions.cancelReply')}
      </button>
    </div>
  );
}
