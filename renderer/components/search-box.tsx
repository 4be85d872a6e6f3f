// The search form in the top bar: every readable room, or only the open one when ticked.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { selectActiveRoomId } from '../store/selectors';

export function SearchBox() {
  const { t } = useTranslation();
  const client = useChatClient();
  const activeRoomId = useChat(selectActiveRoomId);
  const [query, setQuery] = useState('');
  const [thisRoom, setThisRoom] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void client.search(query, thisRoom && activeRoomId ? activeRoomId : null);
  };

  return (
    <form role="search" aria-label={t('search.form')} className="search-box" onSubmit={submit}>
      <input
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        maxLength={500}
      />
      {activeRoomId && (
        <label className="search-scope">
          <input type="checkbox" checked={thisRoom} onChange={(event) => setThisRoom(event.target.checked)} />
          {t('search.thisRoom')}
        </label>
      )}
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}
