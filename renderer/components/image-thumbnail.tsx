// An image attachment as a thumbnail that opens full size in a dialog (Escape or a click
// closes it). The bytes come through ChatClient.fetchFile (token in a header) as a blob: URL,
// revoked when the row goes away. Until it loads, or if it cannot, the download link is shown.
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FileRef } from '../../common/protocol';
import { useChatClient } from '../app/chat-context';
import { FileLink } from './file-link';
import { useMessageRow } from './message-row-context';

export function ImageThumbnail({ file }: { file: FileRef }) {
  const client = useChatClient();
  const { t } = useMessageRow();
  const [url, setUrl] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void client.fetchFile(file).then((blob) => {
      if (!live || !blob) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [client, file]);

  return (
    <div className="message-image">
      {url && (
        <button type="button" className="thumbnail-button" aria-label={t('messageActions.openImage', { name: file.name })} onClick={() => setOpen(true)}>
          <img className="thumbnail" src={url} alt={file.name} />
        </button>
      )}
      <FileLink file={file} />
      {open &&
        url &&
        createPortal(
          <div
            className="dialog-backdrop image-viewer"
            role="dialog"
            aria-modal="true"
            aria-label={file.name}
            tabIndex={-1}
            ref={(element) => element?.focus()}
            onClick={() => setOpen(false)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setOpen(false);
            }}
          >
            <img src={url} alt={file.name} />
          </div>,
          document.body,
        )}
    </div>
  );
}
