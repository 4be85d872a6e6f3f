// A file attached to a message: its name (a download button) and its size.
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../common/protocol';
import { useChatClient } from '../app/chat-context';
import { formatBytes } from '../lib/format-size';

export function FileLink({ file }: { file: FileRef }) {
  const { t } = useTranslation();
  const client = useChatClient();
  // The URL carries the token, so it is built at click time and never left in the DOM.
  const download = () => {
    const link = document.createElement('a');
    link.href = client.fileUrl(file.fileId);
    link.download = file.name;
    link.rel = 'noopener noreferrer';
    link.click();
  };
  return (
    <p className="message-file">
      <button
        type="button"
        className="link-button"
        onClick={download}
        aria-label={t('message.download', { name: file.name })}
      >
        {file.name}
      </button>{' '}
      <span className="file-size">({formatBytes(t, file.size)})</span>
    </p>
  );
}
