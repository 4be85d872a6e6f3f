// The top of the UI: which screen to show follows the session status in the store.
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../components/sign-in-form';
import { selectStatus } from '../store/selectors';
import { useChat } from './chat-context';
import { ChatShell } from './chat-shell';
import { usePreferences } from './use-preferences';

export function App() {
  const { t } = useTranslation();
  const status = useChat(selectStatus);
  usePreferences();
  if (status === 'starting') {
    return (
      <p className="splash" role="status">
        {t('app.connecting')}
      </p>
    );
  }
  if (status === 'signed-out' || status === 'signing-in') return <SignInForm />;
  return <ChatShell />;
}
