// Region "Participants" (DESIGN §1 item 2): the live list while the server sends it, else the
// count and the paused state. A truncated roster carries no list, so no stale names can show.
import { useTranslation } from 'react-i18next';
import { useChat } from '../app/chat-context';
import { selectConfig, selectRoster } from '../store/selectors';

export function ParticipantsPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const roster = useChat(selectRoster(roomId));
  const { participantUpdateLimit } = useChat(selectConfig);
  return (
    <section aria-label={t('roster.region')} className="participants">
      <h2>{t('roster.region')}</h2>
      {roster?.truncated || (roster && roster.participants === null) ? (
        <p role="status">{t('roster.paused', { count: roster.count, limit: participantUpdateLimit })}</p>
      ) : roster?.participants ? (
        <>
          <p className="roster-count">{t('roster.count', { count: roster.count })}</p>
          <ul>
            {roster.participants.map((participant) => (
              <li key={participant.userId}>{participant.displayName}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
