// "Attach file": a button that opens the file picker. The size limit is checked by the bridge
// before any request, so an oversized file never leaves the machine.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { selectUpload } from '../store/selectors';

export function AttachFileButton({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const busy = useChat(selectUpload) !== null;
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {t('files.attach')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('files.attach')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Reset so picking the same file again still fires a change.
          event.target.value = '';
          if (file) void client.attachFile(roomId, file);
        }}
      />
    </>
  );
}
