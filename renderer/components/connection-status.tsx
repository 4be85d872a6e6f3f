// Says when the socket is not (yet) connected; silent while all is well.
import { useTranslation } from 'react-i18next';
import { useChat } from '../app/chat-context';
import { selectStatus } from '../store/selectors';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const status = useChat(selectStatus);
  const text = status === 'connecting' ? t('app.connecting') : status === 'reconnecting' ? t('app.reconnecting') : '';
  return (
    <span className="connection-status" role="status">
      {text}
    </span>
  );
}
