// The single error alert. The dismiss button sits outside the role="alert" element so the
// alert's text is exactly the message.
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { formatLimitKB, formatSizeKB } from '../lib/format-size';
import { selectError } from '../store/selectors';

export function ErrorAlert() {
  const { t, i18n } = useTranslation();
  const client = useChatClient();
  const error = useChat(selectError);
  if (!error) return null;
  const params: Record<string, string | number> = { ...error.params };
  if (typeof params.limitKB === 'number') params.limit = formatLimitKB(t, i18n.language, params.limitKB);
  if (typeof params.sizeBytes === 'number') params.size = formatSizeKB(t, i18n.language, params.sizeBytes);
  return (
    <div className="error-row">
      <p role="alert" className="error-text">
        {t(error.key, params)}
      </p>
      <button type="button" className="link-button" onClick={() => client.dismissError()}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
