// The running upload of this room: name, a progress bar and Cancel.
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { selectUpload } from '../store/selectors';

export function UploadProgressBar({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const upload = useChat(selectUpload);
  if (!upload || upload.roomId !== roomId) return null;
  return (
    <div className="upload">
      <span>{t('files.uploading', { name: upload.name })}</span>
      <progress aria-label={t('files.progress')} max={Math.max(upload.size, 1)} value={upload.loaded} />
      <button type="button" onClick={() => client.cancelUpload()}>
        {t('files.cancel')}
      </button>
    </div>
  );
}
