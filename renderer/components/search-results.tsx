// Region "Search results", shown in place of the open room while a search is on. Each hit
// names its room and opens it on click, scrolled to the hit (loading older history as needed).
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { selectSearch } from '../store/selectors';
import { MessageText } from './message-text';

export function SearchResults() {
  const { t, i18n } = useTranslation();
  const client = useChatClient();
  const search = useChat(selectSearch);
  if (!search) return null;
  return (
    <main className="search-results">
      <section aria-label={t('search.results')}>
        <header className="search-header">
          <h1>{t('search.results')}</h1>
          <button type="button" onClick={() => client.closeSearch()}>
            {t('search.close')}
          </button>
        </header>
        <p role="status">
          {search.status === 'searching'
            ? t('search.searching')
            : search.hits.length === 0
              ? t('search.none', { query: search.query })
              : t('search.count', { count: search.hits.length, query: search.query })}
        </p>
        <ul className="search-hits">
          {search.hits.map(({ message, roomName }) => (
            <li key={`${message.roomId}:${message.seq}`}>
              <article className="message">
                <header className="message-meta">
                  <span className="sender">{message.senderName}</span>{' '}
                  <time dateTime={message.createdAt}>
                    {new Date(message.createdAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
                  </time>{' '}
                  <span className="hit-room">{t('search.inRoom', { room: roomName })}</span>{' '}
                  {/* The button's name stays generic so it never competes with the room list's buttons. */}
                  <button type="button" className="link-button" onClick={() => void client.actions.jumpTo(message.roomId, message.seq)}>
                    {t('search.openRoom')}
                  </button>
                </header>
                <MessageText text={message.text} />
              </article>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
