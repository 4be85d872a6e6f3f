// Settings → "Sessions" (PROTOCOL §10): the user's own sessions, this device marked, each other
// one with "Sign out this session", and "Sign out everywhere" (which signs this device out too).
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../common/session-api';
import { useChatClient } from '../app/chat-context';
import type { UiError } from '../store/ui-slice';

export function SessionsView() {
  const { t, i18n } = useTranslation();
  const client = useChatClient();
  const headingId = useId();
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(async () => {
    const result = await client.account()?.sessions();
    if (!result) return;
    if (result.ok) setSessions(result.value);
    else setError(result.error);
  }, [client]);
  useEffect(() => {
    // The answer arrives later (setState in the promise callback, not during the effect).
    let live = true;
    void client
      .account()
      ?.sessions()
      .then((result) => {
        if (!live) return;
        if (result.ok) setSessions(result.value);
        else setError(result.error);
      });
    return () => {
      live = false;
    };
  }, [client]);

  const end = async (id: string) => {
    const result = await client.account()?.endSession(id);
    if (result && !result.ok) setError(result.error);
    await load();
  };
  const endAll = async () => {
    const result = await client.account()?.endAllSessions();
    if (result && !result.ok) {
      setError(result.error);
      return;
    }
    await client.signOut();
  };

  return (
    <section aria-labelledby={headingId} className="fieldset">
      <h3 id={headingId} className="field-label">
        {t('settings.sessions')}
      </h3>
      {error && <p className="error-text">{t(error.key, error.params)}</p>}
      {sessions === null ? (
        <p role="status">{t('settings.sessionsLoading')}</p>
      ) : (
        <ul className="list-plain">
          {sessions.map((session) => (
            <li key={session.id} className="row-between" aria-current={session.current ? 'true' : undefined}>
              <span>
                {session.current && <strong>{t('settings.sessionCurrent')} · </strong>}
                {t('settings.sessionLine', { created: date(session.createdAt), used: date(session.lastUsedAt) })}
              </span>
              {!session.current && (
                <button type="button" onClick={() => void end(session.id)}>
                  {t('settings.sessionSignOut')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div>
        <button type="button" className="danger" onClick={() => void endAll()}>
          {t('settings.signOutEverywhere')}
        </button>
      </div>
    </section>
  );
}
