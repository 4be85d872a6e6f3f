// Editing in place: textbox "Edit message" with "Save" and "Cancel" (DESIGN §1b). Enter saves,
// Shift+Enter adds a line, Escape cancels. A refusal (forbidden, too long…) shows in the alert
// and the box stays open with the text as typed.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Message } from '../../common/protocol';
import { useChatClient } from '../app/chat-context';
import { useMessageRow } from './message-row-context';

export function MessageEditBox({ message }: { message: Message }) {
  const client = useChatClient();
  const { t } = useMessageRow();
  const [text, setText] = useState(message.text);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);

  const save = async () => {
    if (saving) return;
    if (text.trim() === message.text) {
      client.actions.cancelEdit();
      return;
    }
    setSaving(true);
    await client.actions.saveEdit(message.roomId, message.seq, text);
    setSaving(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      client.actions.cancelEdit();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form className="message-edit" onSubmit={submit}>
      <textarea
        ref={ref}
        aria-label={t('messageActions.editLabel')}
        title={t('messageActions.editHint')}
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="message-edit-buttons">
        <button type="submit" disabled={saving}>
          {t('messageActions.save')}
        </button>
        <button type="button" onClick={() => client.actions.cancelEdit()}>
          {t('messageActions.cancel')}
        </button>
      </div>
    </form>
  );
}
