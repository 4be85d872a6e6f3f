// What a closed room shows someone who is not a member (issue 11): the lock, its name and
// description, why they cannot read it and whom to ask — instead of a bare "not allowed".
import { useTranslation } from 'react-i18next';
import type { RoomSummary } from '../../common/protocol';
import { useChat } from '../app/chat-context';
import { PrivacyIcon } from './privacy-icon';

export function ClosedRoom({ room }: { room: RoomSummary }) {
  const { t } = useTranslation();
  // rooms:list names a closed room's managers to those who may not read it; a detail seen
  // before (when they still could) says the same.
  const seen = useChat((state) => state.details[room.id]?.managers);
  const managers = room.managers ?? seen;
  return (
    <main className="room-pane-empty">
      <section className="closed-room card" aria-labelledby="closed-room-title">
        <h1 id="closed-room-title">
          <PrivacyIcon privacy="closed" label={t('nav.privacyClosed')} />
          {room.name}
        </h1>
        {room.description && <p>{room.description}</p>}
        <p role="status">
          {t('closedRoom.title', { name: room.name })}. {t('closedRoom.explain')}
        </p>
        {managers && managers.length > 0 && <p className="muted">{t('closedRoom.managers', { names: managers.join(', ') })}</p>}
      </section>
    </main>
  );
}
