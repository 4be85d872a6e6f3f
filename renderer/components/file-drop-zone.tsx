// Lets the user drop a file anywhere on the conversation (when this room takes files). The
// bridge applies the same size check as for the "Attach file" picker.
import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChatClient } from '../app/chat-context';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

export function FileDropZone({ roomId, enabled, children }: { roomId: string; enabled: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const [over, setOver] = useState(false);
  if (!enabled) return <div className="conversation">{children}</div>;
  return (
    <div
      className={over ? 'conversation dragging' : 'conversation'}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setOver(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) void client.attachFile(roomId, file);
      }}
    >
      {children}
      {over && <p className="drop-hint">{t('files.dropHere')}</p>}
    </div>
  );
}
