// The "Alerts" link at the top of the "Rooms" navigation (DESIGN §1b: its name starts with
// "Alerts", the count of new matches may follow). It opens the region "Alerts".
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { selectUnseenAlertMatches, selectView } from '../store/selectors';

export function AlertsLink({ onPicked }: { onPicked?: () => void }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const unseen = useChat(selectUnseenAlertMatches);
  const current = useChat(selectView) === 'alerts';
  return (
    <a
      href="#alerts"
      className="nav-link"
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        client.attention.show('alerts');
        onPicked?.();
      }}
    >
      <svg className="privacy-icon" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true" focusable="false">
        <path d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 14a1.5 1.5 0 0 0 3 0" />
      </svg>
      {t('nav.alerts')}
      {unseen > 0 && (
        <span className="mention-badge">
          <span aria-hidden="true">{unseen > 99 ? '99+' : unseen}</span>
          <span className="visually-hidden"> {t('nav.alertsNew', { count: unseen })}</span>
        </span>
      )}
    </a>
  );
}
