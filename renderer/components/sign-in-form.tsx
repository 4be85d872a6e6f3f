// Sign-in (DESIGN §1b): textboxes "Server", "User name", "Password" and the "Sign in" button.
// The server field starts at the stored server, or at the page's own origin on the web.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { selectServerUrl, selectStatus } from '../store/selectors';
import { ErrorAlert } from './error-alert';

export function SignInForm() {
  const { t } = useTranslation();
  const client = useChatClient();
  const storedServer = useChat(selectServerUrl);
  const busy = useChat(selectStatus) === 'signing-in';
  const [server, setServer] = useState(storedServer);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void client.signIn(server, user.trim(), password);
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <label>
          {t('signIn.server')}
          <input
            type="text"
            inputMode="url"
            autoComplete="url"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            required
          />
        </label>
        <label>
          {t('signIn.user')}
          <input type="text" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
        {busy && <p role="status">{t('signIn.busy')}</p>}
        <ErrorAlert />
      </form>
    </main>
  );
}
