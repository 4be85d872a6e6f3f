// The unread count of a followed room, beside its button in the room list. Screen readers hear
// "3 unread"; the digits alone are for the eye.
import { useTranslation } from 'react-i18next';
import type { RoomSummary } from '../../common/protocol';
import { unreadCount } from '../store/read-markers';

export function UnreadBadge({ room }: { room: RoomSummary }) {
  const { t } = useTranslation();
  const count = unreadCount(room);
  if (count === 0) return null;
  return (
    <span className="unread-badge">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('rooms.unread', { count })}</span>
    </span>
  );
}
