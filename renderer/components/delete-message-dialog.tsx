// "Delete" asks first: a modal dialog whose confirm button is named "Delete" (DESIGN §1b). It
// is portalled to <body> so the article's own "Delete" button stays the only one inside it.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useMessageRow } from './message-row-context';

export function DeleteMessageDialog({ onConfirm, onClose }: { onConfirm: () => void; onClose: () => void }) {
  const { t } = useMessageRow();
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelRef.current?.focus();
    return () => opener?.focus({ preventScroll: true });
  }, []);

  // Escape closes; Tab stays between the two buttons while the dialog is open.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === cancelRef.current ? confirmRef : cancelRef).current?.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="delete-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id={titleId}>{t('messageActions.deleteTitle')}</h2>
        <p id={bodyId}>{t('messageActions.deleteBody')}</p>
        <div className="dialog-buttons">
          <button ref={cancelRef} type="button" onClick={onClose}>
            {t('messageActions.cancel')}
          </button>
          <button ref={confirmRef} type="button" className="danger-button" onClick={onConfirm}>
            {t('messageActions.delete')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
