// The region "Alerts" (DESIGN §1b): keyword-alert matches as they arrive (room, excerpt; a click
// opens the room at the message), and the user's alerts with New / Edit / Delete.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../common/attention-protocol';
import { useChat, useChatClient } from '../app/chat-context';
import { selectAlertMatches, selectAlerts } from '../store/selectors';
import { AlertForm } from './alert-form';

const EXCERPT_CHARS = 160;
const excerpt = (text: string) => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text);

export function AlertsView() {
  const { t, i18n } = useTranslation();
  const client = useChatClient();
  const alerts = useChat(selectAlerts);
  const matches = useChat(selectAlertMatches);
  const [editing, setEditing] = useState<Alert | 'new' | null>(null);
  const headingId = useId();
  const matchesId = useId();
  const listId = useId();
  const nameOf = (alertId: string) => alerts.find((alert) => alert.id === alertId)?.name ?? '';
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <main className="panel">
      <section aria-labelledby={headingId} className="panel-section">
      <h1 id={headingId}>{t('alerts.region')}</h1>
      <p className="muted">{t('alerts.intro')}</p>
      {/* Plain blocks, not named regions: getByRole('region', { name: 'Alerts' }) must find one. */}
      <div className="card">
        <h2 id={matchesId}>{t('alerts.matches')}</h2>
        {matches.length === 0 ? (
          <p className="muted">{t('alerts.noMatches')}</p>
        ) : (
          <ul className="list-plain match-list">
            {matches.map((match) => (
              <li key={`${match.alertId}:${match.message.roomId}:${match.message.seq}`}>
                <button type="button" className="quiet" onClick={() => void client.actions.jumpTo(match.message.roomId, match.message.seq)}>
                  <span className="message-meta">
                    <span className="sender">{match.roomName}</span>
                    <span>{t('alerts.matchIn', { alert: nameOf(match.alertId), room: match.message.senderName })}</span>
                    <time dateTime={match.message.createdAt}>{time(match.message.createdAt)}</time>
                  </span>
                  <span className="excerpt">{excerpt(match.message.text)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="card">
        <div className="row-between">
          <h2 id={listId}>{t('alerts.yourAlerts')}</h2>
          {editing === null && (
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              {t('alerts.newAlert')}
            </button>
          )}
        </div>
        {editing !== null && <AlertForm key={editing === 'new' ? 'new' : editing.id} alert={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
        {alerts.length === 0 ? (
          <p className="muted">{t('alerts.none')}</p>
        ) : (
          <ul className="list-plain">
            {alerts.map((alert) => (
              <li key={alert.id} className="row-between">
                <span>
                  <strong>{alert.name}</strong>{' '}
                  <span className="muted">
                    {t('alerts.keywordsOf', { keywords: alert.keywords.join(', ') })} ·{' '}
                    {alert.roomIds === null ? t('alerts.inAllRooms') : t('alerts.inRooms', { count: alert.roomIds.length })}
                  </span>
                </span>
                <span className="invitation-actions">
                  <button type="button" aria-label={`${t('alerts.edit')} ${alert.name}`} onClick={() => setEditing(alert)}>
                    {t('alerts.edit')}
                  </button>
                  <button type="button" className="danger" aria-label={`${t('alerts.delete')} ${alert.name}`} onClick={() => void client.attention.deleteAlert(alert.id)}>
                    {t('alerts.delete')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      </section>
    </main>
  );
}
