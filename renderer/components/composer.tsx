// The composer: textbox "Message" and button "Send" (DESIGN §1b). Enter sends, Shift+Enter adds
// a line. Where the user may not post (auditorium non-presenters) it is disabled with a note.
import { useId, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDetail } from '../../common/protocol';
import { useChatClient } from '../app/chat-context';
import { AttachFileButton } from './attach-file-button';
import { UploadProgressBar } from './upload-progress-bar';

export function Composer({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const [text, setText] = useState('');
  const inputId = useId();
  const noteId = useId();
  const canPost = room.canPost && !room.disabled;

  const send = () => {
    if (client.send(room.id, text)) setText('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an IME is composing, Enter confirms the composition, it must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  // Pasting a file (e.g. a screenshot) attaches it, where this room takes files.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = event.clipboardData.files[0];
    if (!file || !room.fileUpload) return;
    event.preventDefault();
    void client.attachFile(room.id, file);
  };

  return (
    <form className="composer" onSubmit={submit}>
      {!canPost && (
        <p id={noteId} className="composer-note" role="note">
          {room.type === 'auditorium' ? t('composer.auditorium') : t('composer.cannotPost')}
        </p>
      )}
      <UploadProgressBar roomId={room.id} />
      <div className="composer-row">
        {canPost && room.fileUpload && <AttachFileButton roomId={room.id} />}
        <label htmlFor={inputId} className="visually-hidden">
          {t('composer.label')}
        </label>
        <textarea
          id={inputId}
          rows={2}
          value={text}
          placeholder={canPost ? t('composer.placeholder') : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          disabled={!canPost}
          aria-describedby={canPost ? undefined : noteId}
        />
        <button type="submit" disabled={!canPost}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}
