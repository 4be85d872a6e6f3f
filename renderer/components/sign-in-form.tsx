// Sign-in (DESIGN §1b): textboxes "Server", "User name", "Password" and the "Sign in" button.
// The server field starts at the stored server, or at the page's own origin on the web.
import { useEffect, useRef, useState, type FormEvent } from 'react';
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
  const formRef = useRef<HTMLFormElement>(null);

  // The first empty field gets the focus (issue 11: nothing had it), so typing starts at once:
  // "User name" when the server is known, "Server" when it is not.
  useEffect(() => {
    const fields = formRef.current?.querySelectorAll('input') ?? [];
    const first = [...fields].find((field) => field.value === '') ?? fields[0];
    first?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void client.signIn(server, user.trim(), password);
  };

  return (
    <main className="sign-in">
      <form ref={formRef} onSubmit={submit} aria-labelledby="sign-in-title">
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
