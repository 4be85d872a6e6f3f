// Sign-in with a user name and password, for when the page was opened without a handoff code
// (or the code was used or expired: the error says so above the form).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManageApi, ManageError } from '../api-client';
import type { ManageSession } from '../session';
import { ErrorMessage } from './error-message';

export function SignInPage({ api, error, onSignedIn }: { api: ManageApi; error: ManageError | null; onSignedIn: (session: ManageSession) => void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ManageError | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.signIn(user.trim(), password);
    setBusy(false);
    if (result.ok) onSignedIn({ token: result.value.token, user: result.value.user });
    else setFailure(result.error);
  };

  return (
    <main className="page narrow">
      <h1>{t('signIn.title')}</h1>
      <ErrorMessage error={failure ?? error} />
      <form onSubmit={(event) => void submit(event)} className="stack">
        <label>
          {t('signIn.user')}
          <input name="user" autoComplete="username" required value={user} onChange={(e) => setUser(e.target.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
