// The "Rooms" navigation: rooms grouped under their category names, one button per room whose
// accessible name is exactly the room's name (DESIGN §1b); the unread count sits beside the
// button, not inside it, so it never changes that name.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { groupRooms, selectActiveRoomId, selectCategories, selectRooms, selectRoomsLoaded } from '../store/selectors';
import { RoomListActions } from './room-list-actions';
import { UnreadBadge } from './unread-badge';

export function RoomList() {
  const { t } = useTranslation();
  const client = useChatClient();
  const rooms = useChat(selectRooms);
  const categories = useChat(selectCategories);
  const loaded = useChat(selectRoomsLoaded);
  const activeRoomId = useChat(selectActiveRoomId);
  const groups = useMemo(() => groupRooms(rooms, categories), [rooms, categories]);

  return (
    <nav aria-label={t('rooms.nav')} className="room-list">
      <RoomListActions />
      {loaded && groups.length === 0 && <p>{t('rooms.empty')}</p>}
      {groups.map((group) => {
        const labelId = `category-${group.id || 'other'}`;
        return (
          <div role="group" aria-labelledby={labelId} key={group.id || 'other'} className="room-group">
            <p id={labelId} className="category-name">
              {group.name ?? t('rooms.uncategorised')}
            </p>
            <ul>
              {group.rooms.map((room) => (
                <li key={room.id}>
                  <button
                    type="button"
                    className={room.followed ? 'room-button room-followed' : 'room-button'}
                    aria-current={room.id === activeRoomId ? 'page' : undefined}
                    onClick={() => void client.openRoom(room.id)}
                  >
                    {room.name}
                  </button>
                  <UnreadBadge room={room} />
                  {room.disabled && <span className="room-tag">{t('rooms.disabledTag')}</span>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
