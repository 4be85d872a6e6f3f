// "Jump to date": a date field and "Go"; the room scrolls to the first message of that day or
// later (messages:seek), loading older history as needed.
import { useId, useState, type FormEvent } from 'react';
import { useChatClient } from '../app/chat-context';
import { useMessageRow } from './message-row-context';

export function JumpToDate({ roomId }: { roomId: string }) {
  const client = useChatClient();
  const { t } = useMessageRow();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const inputId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    // The start of that day where the user is, as an instant the server compares with.
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const start = new Date(year, month - 1, day).toISOString();
    void client.actions.jumpToDate(roomId, start).then((ok) => ok && setOpen(false));
  };

  if (!open) {
    return (
      <button type="button" className="link-button jump-date-toggle" aria-expanded={false} onClick={() => setOpen(true)}>
        {t('messageActions.jumpToDate')}
      </button>
    );
  }
  return (
    <form className="jump-date" onSubmit={submit}>
      <label htmlFor={inputId}>{t('messageActions.dateLabel')}</label>
      <input
        id={inputId}
        type="date"
        value={date}
        autoFocus
        onChange={(event) => setDate(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      />
      <button type="submit">{t('messageActions.go')}</button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('messageActions.cancel')}
      </button>
    </form>
  );
}
