// The signed-in layout: top bar, the single error alert, the room list and the open room.
import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from '../components/connection-status';
import { ErrorAlert } from '../components/error-alert';
import { RoomList } from '../components/room-list';
import { RoomPane } from '../components/room-pane';
import { SearchBox } from '../components/search-box';
import { SearchResults } from '../components/search-results';
import { selectSearch, selectUser } from '../store/selectors';
import { useChat, useChatClient, useChatStoreApi } from './chat-context';
import { useReadOnFocus } from './use-read-on-focus';
import { useRoomShortcuts } from './use-room-shortcuts';

export function ChatShell() {
  const { t } = useTranslation();
  const client = useChatClient();
  const user = useChat(selectUser);
  const searching = useChat(selectSearch) !== null;
  useRoomShortcuts(useChatStoreApi(), client);
  useReadOnFocus(client);
  return (
    <div className="shell">
      <header className="top-bar">
        <span className="brand">{t('app.title')}</span>
        <ConnectionStatus />
        <SearchBox />
        {user && <span className="whoami">{t('app.signedInAs', { name: user.displayName })}</span>}
        <button type="button" onClick={() => void client.signOut()}>
          {t('app.signOut')}
        </button>
      </header>
      <ErrorAlert />
      <div className="shell-body">
        <RoomList />
        {searching ? <SearchResults /> : <RoomPane />}
      </div>
    </div>
  );
}
