// The room directory: every room the user may find (rooms:list), searchable by name or
// description, with its privacy, category and description; open rooms can be joined at once,
// closed ones say they are for members. The region is named "Room directory".
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { selectCategories, selectRooms } from '../store/selectors';
import { PrivacyIcon } from './privacy-icon';

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function RoomDirectory() {
  const { t } = useTranslation();
  const client = useChatClient();
  const rooms = useChat(selectRooms);
  const categories = useChat(selectCategories);
  const [query, setQuery] = useState('');
  const headingId = useId();
  const needle = query.trim().toLowerCase();
  const shown = useMemo(
    () =>
      rooms
        .filter((room) => !room.disabled)
        .filter((room) => needle === '' || room.name.toLowerCase().includes(needle) || room.description.toLowerCase().includes(needle))
        .sort((a, b) => byName.compare(a.name, b.name)),
    [rooms, needle],
  );
  const categoryName = (id: string) => categories.find((category) => category.id === id)?.name ?? t('rooms.uncategorised');
  const privacyLabel = { open: t('nav.privacyOpen'), closed: t('nav.privacyClosed'), secret: t('nav.privacySecret') };

  return (
    <main className="panel">
      <section aria-labelledby={headingId} className="panel-section">
        <h1 id={headingId}>{t('directory.region')}</h1>
        <p className="muted">{t('directory.intro')}</p>
        <label className="field">
          <span>{t('directory.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {shown.length === 0 && needle !== '' && <p className="muted">{t('directory.none', { query })}</p>}
        <ul className="list-plain directory-list">
          {shown.map((room) => {
            const readable = room.privacy === 'open' || room.isMember || room.canManage;
            return (
              <li key={room.id} className="card row-between">
                <div className="directory-room">
                  <h2>
                    <PrivacyIcon privacy={room.privacy} label={privacyLabel[room.privacy]} /> {room.name}
                  </h2>
                  <p className="muted">
                    {privacyLabel[room.privacy]} · {categoryName(room.categoryId)}
                  </p>
                  {room.description && <p className="excerpt">{room.description}</p>}
                </div>
                {readable ? (
                  <button
                    type="button"
                    className={room.joined ? undefined : 'primary'}
                    aria-label={`${room.joined || room.isMember ? t('directory.open') : t('directory.join')} ${room.name}`}
                    onClick={() => void client.openRoom(room.id)}
                  >
                    {room.joined || room.isMember ? t('directory.open') : t('directory.join')}
                  </button>
                ) : (
                  <span className="muted">{t('directory.membersOnly')}</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </main>
  );
}
