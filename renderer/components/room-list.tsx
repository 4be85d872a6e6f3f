// The "Rooms" navigation: the Alerts link and the room directory on top, pending invitations,
// then rooms grouped under their category names. Each room is a button whose accessible name is
// exactly the room's name (DESIGN §1b); its unread and mention counts are its accessible
// description (aria-describedby → the badges), so they update live without renaming it. Bold
// means unread, nothing else. Below 600 px the whole list folds behind the "Rooms" button.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import {
  groupRooms,
  selectActiveRoomId,
  selectCategories,
  invitationsOf,
  selectRooms,
  selectRoomsLoaded,
  selectView,
} from '../store/selectors';
import { unreadCount } from '../store/read-markers';
import { AlertsLink } from './alerts-link';
import { DraftMarker } from './draft-marker';
import { InvitationItem } from './invitation-item';
import { PrivacyIcon } from './privacy-icon';
import { RoomListActions } from './room-list-actions';
import { hasBadges, RoomBadges } from './unread-badge';

export function RoomList({ open = false, onPicked }: { open?: boolean; onPicked?: () => void }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const rooms = useChat(selectRooms);
  const categories = useChat(selectCategories);
  const loaded = useChat(selectRoomsLoaded);
  const activeRoomId = useChat(selectActiveRoomId);
  const view = useChat(selectView);
  const invitations = useMemo(() => invitationsOf(rooms), [rooms]);
  const groups = useMemo(() => groupRooms(rooms, categories), [rooms, categories]);

  return (
    <nav aria-label={t('rooms.nav')} className={open ? 'room-list open' : 'room-list'} id="room-list">
      <div className="room-list-top">
        <AlertsLink onPicked={onPicked} />
        <a
          href="#directory"
          className="nav-link"
          aria-current={view === 'directory' ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            client.attention.show('directory');
            onPicked?.();
          }}
        >
          <svg className="privacy-icon" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" aria-hidden="true" focusable="false">
            <path d="M7 12.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM11 11l3.5 3.5" />
          </svg>
          {t('nav.directory')}
        </a>
        <RoomListActions />
      </div>
      {invitations.length > 0 && (
        <div role="group" aria-labelledby="invitations-heading" className="room-group">
          <p id="invitations-heading" className="category-name">
            {t('nav.invitations')}
          </p>
          <ul>
            {invitations.map((room) => (
              <InvitationItem key={room.id} room={room} />
            ))}
          </ul>
        </div>
      )}
      {loaded && groups.length === 0 && invitations.length === 0 && <p className="muted">{t('rooms.empty')}</p>}
      {groups.map((group) => {
        const labelId = `category-${group.id || 'other'}`;
        return (
          <div role="group" aria-labelledby={labelId} key={group.id || 'other'} className="room-group">
            <p id={labelId} className="category-name">
              {group.name ?? t('rooms.uncategorised')}
            </p>
            <ul>
              {group.rooms.map((room) => {
                const badgesId = `room-badges-${room.id}`;
                const current = view === 'room' && room.id === activeRoomId;
                return (
                  <li key={room.id}>
                    <button
                      type="button"
                      className={unreadCount(room) > 0 ? 'room-button room-unread' : 'room-button'}
                      aria-current={current ? 'page' : undefined}
                      aria-describedby={hasBadges(room) ? badgesId : undefined}
                      onClick={() => {
                        onPicked?.();
                        void client.openRoom(room.id);
                      }}
                    >
                      <PrivacyIcon privacy={room.privacy} />
                      <span className="room-name">{room.name}</span>
                    </button>
                    <RoomBadges room={room} id={badgesId} />
                    <DraftMarker roomId={room.id} />
                    {room.disabled && <span className="room-tag">{t('rooms.disabledTag')}</span>}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
