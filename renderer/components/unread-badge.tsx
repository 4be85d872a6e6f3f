// The counts beside a room button: unread (accent) and mentions (a distinct colour). The digits
// are for the eye; the words ("3 unread, 1 mention") are the room button's accessible
// description (aria-describedby → this element's id), so they update live with the counts.
import { useTranslation } from 'react-i18next';
import type { RoomSummary } from '../../common/protocol';
import { mentionCount, unreadCount } from '../store/read-markers';

const short = (count: number) => (count > 99 ? '99+' : String(count));

export function RoomBadges({ room, id }: { room: RoomSummary; id: string }) {
  const { t } = useTranslation();
  const unread = unreadCount(room);
  const mentions = mentionCount(room);
  if (unread === 0 && mentions === 0) return null;
  return (
    <span className="badges" id={id}>
      {mentions > 0 && (
        <span className="mention-badge">
          <span aria-hidden="true">@{short(mentions)}</span>
          <span className="visually-hidden">{t('nav.mentions', { count: mentions })}</span>
        </span>
      )}
      {unread > 0 && (
        <span className="unread-badge">
          <span aria-hidden="true">{short(unread)}</span>
          <span className="visually-hidden">
            {mentions > 0 ? ', ' : ''}
            {t('rooms.unread', { count: unread })}
          </span>
        </span>
      )}
    </span>
  );
}

/** Whether a room has anything to describe (so the button only points at a badge that exists). */
export function hasBadges(room: RoomSummary): boolean {
  return unreadCount(room) > 0 || mentionCount(room) > 0;
}
