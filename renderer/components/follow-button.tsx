// "Follow" / "Following" toggle for the open room (aria-pressed): a followed room counts unread
// messages live. The label says the state (issue 11: it used to say "Follow" either way). The
// click is also the user action browsers want before they let a page ask for notification
// permission.
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient, usePlatform } from '../app/chat-context';
import { selectRoomSummary } from '../store/selectors';

export function FollowButton({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const platform = usePlatform();
  const followed = useChat(selectRoomSummary(roomId))?.followed ?? false;
  return (
    <button
      type="button"
      className="follow-button"
      aria-pressed={followed}
      onClick={() => {
        if (!followed) platform.allowNotifications();
        void client.reads.follow(roomId, !followed);
      }}
    >
      {followed ? t('nav.following') : t('room.follow')}
    </button>
  );
}
