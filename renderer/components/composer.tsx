// The composer: textbox "Message" and button "Send" (DESIGN §1b). Enter sends, Shift+Enter adds
// a line. Where the user may not post (auditorium non-presenters) it is disabled with a note.
// Up-arrow in an empty composer edits the user's last message; in reply mode the quote sits above
// with "Cancel reply" (Escape too). The text is the room's draft: kept across room switches and
// restarts (store/drafts.ts).
import { useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDetail } from '../../common/protocol';
import { useChatClient, useChatStoreApi } from '../app/chat-context';
import { AttachFileButton } from './attach-file-button';
import { ReplyBanner } from './reply-banner';
import { UploadProgressBar } from './upload-progress-bar';

export function Composer({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const store = useChatStoreApi();
  const [text, setTextState] = useState(() => store.getState().drafts[room.id] ?? '');
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const setText = (next: string) => {
    setTextState(next);
    client.drafts.set(room.id, next);
  };
  // The saved draft may arrive after the room opened (a restart): take it if nothing was typed.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const draft = state.drafts[room.id];
        if (draft !== previous.drafts[room.id] && draft !== undefined && areaRef.current?.value === '') setTextState(draft);
      }),
    [store, room.id],
  );
  // Reply mode puts the cursor in the composer.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.replyTo[room.id] && state.replyTo[room.id] !== previous.replyTo[room.id]) areaRef.current?.focus();
      }),
    [store, room.id],
  );
  const inputId = useId();
  const noteId = useId();
  const canPost = room.canPost && !room.disabled;

  const send = () => {
    if (client.send(room.id, text)) {
      setText('');
      client.actions.clearTarget();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'ArrowUp' && text === '' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      if (client.actions.editLast(room.id)) event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && store.getState().replyTo[room.id]) {
      event.preventDefault();
      client.actions.cancelReply(room.id);
      return;
    }
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
      {canPost && <ReplyBanner roomId={room.id} />}
      <div className="composer-row">
        {canPost && room.fileUpload && <AttachFileButton roomId={room.id} />}
        <label htmlFor={inputId} className="visually-hidden">
          {t('composer.label')}
        </label>
        <textarea
          ref={areaRef}
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
