// The right-hand side: the open room, or why there is none (nothing picked yet, still joining,
// a closed room the user is not a member of, or the room was removed/disabled while it was open).
import { useTranslation } from 'react-i18next';
import { useChat } from '../app/chat-context';
import { selectActiveRoom, selectActiveRoomId, selectClosedNotice, selectJoining, selectRooms } from '../store/selectors';
import { ClosedRoom } from './closed-room';
import { RoomView } from './room-view';

export function RoomPane() {
  const { t } = useTranslation();
  const activeRoomId = useChat(selectActiveRoomId);
  const room = useChat(selectActiveRoom);
  const joining = useChat(selectJoining);
  const closed = useChat(selectClosedNotice);
  const summary = useChat(selectRooms).find((candidate) => candidate.id === activeRoomId);

  if (activeRoomId && room && !joining) return <RoomView key={room.id} room={room} />;
  if (activeRoomId && !room && !joining && summary?.privacy === 'closed' && !summary.isMember) return <ClosedRoom room={summary} />;
  return (
    <main className="room-pane-empty">
      {closed ? (
        <p role="status" className="closed-notice">
          {t(closed.reason === 'removed' ? 'room.closedRemoved' : 'room.closedDisabled', { name: closed.roomName })}
        </p>
      ) : (
        <p role="status">{activeRoomId ? t('rooms.loading') : t('rooms.pick')}</p>
      )}
    </main>
  );
}
