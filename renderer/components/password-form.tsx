// Settings → "Change password" (PUT /api/me/password): the current password, the new one twice.
// The server signs the user's other sessions out; this one stays.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChatClient } from '../app/chat-context';
import type { UiError } from '../store/ui-slice';

export function PasswordForm() {
  const { t } = useTranslation();
  const client = useChatClient();
  const headingId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<UiError | 'mismatch' | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (next !== repeat) {
      setError('mismatch');
      return;
    }
    setBusy(true);
    const result = await client.account()?.changePassword(current, next);
    setBusy(false);
    if (!result) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setDone(true);
    setCurrent('');
    setNext('');
    setRepeat('');
  };

  return (
    <form aria-labelledby={headingId} className="fieldset" onSubmit={(event) => void submit(event)}>
      <h3 id={headingId} className="field-label">
        {t('settings.password')}
      </h3>
      <label className="field">
        <span>{t('settings.passwordCurrent')}</span>
        <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settings.passwordNext')}</span>
        <input type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settings.passwordRepeat')}</span>
        <input type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </label>
      {error && <p className="error-text">{error === 'mismatch' ? t('settings.passwordMismatch') : t(error.key, error.params)}</p>}
      {done && (
        <p className="status-ok" role="status">
          {t('settings.passwordChanged')}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {t('settings.passwordSubmit')}
        </button>
      </div>
    </form>
  );
}
