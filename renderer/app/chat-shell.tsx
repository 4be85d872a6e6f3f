// The signed-in layout: top bar (the "Rooms" toggle on phone widths, search, Settings, sign
// out), the single error alert, the room list and the main view (a room, search results, the
// "Alerts" region or the room directory), and the two dialogs (Settings, Jump to room).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertsView } from '../components/alerts-view';
import { ConnectionStatus } from '../components/connection-status';
import { ErrorAlert } from '../components/error-alert';
import { JumpToRoomDialog } from '../components/jump-to-room-dialog';
import { RoomDirectory } from '../components/room-directory';
import { RoomList } from '../components/room-list';
import { RoomPane } from '../components/room-pane';
import { SearchBox } from '../components/search-box';
import { SearchResults } from '../components/search-results';
import { SettingsDialog } from '../components/settings-dialog';
import { selectSearch, selectUser, selectView } from '../store/selectors';
import { useChat, useChatClient, useChatStoreApi } from './chat-context';
import { useAttentionTitle } from './use-attention-title';
import { useReadOnFocus } from './use-read-on-focus';
import { useRoomShortcuts } from './use-room-shortcuts';

export function ChatShell() {
  const { t } = useTranslation();
  const client = useChatClient();
  const user = useChat(selectUser);
  const searching = useChat(selectSearch) !== null;
  const view = useChat(selectView);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [jumpOpen, setJumpOpen] = useState(false);
  const [roomsOpen, setRoomsOpen] = useState(false);
  const openJump = useCallback(() => setJumpOpen(true), []);
  useRoomShortcuts(useChatStoreApi(), client, openJump);
  useReadOnFocus(client);
  useAttentionTitle();
  // On phone widths the room list lies over the room: Escape folds it again.
  useEffect(() => {
    if (!roomsOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setRoomsOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [roomsOpen]);

  const main = searching ? <SearchResults /> : view === 'alerts' ? <AlertsView /> : view === 'directory' ? <RoomDirectory /> : <RoomPane />;
  return (
    <div className="shell">
      <header className="top-bar">
        <button type="button" className="rooms-toggle" aria-expanded={roomsOpen} aria-controls="room-list" onClick={() => setRoomsOpen((open) => !open)}>
          {t('shell.roomsToggle')}
        </button>
        <span className="brand">{t('app.title')}</span>
        <ConnectionStatus />
        <SearchBox />
        {user && <span className="whoami">{t('app.signedInAs', { name: user.displayName })}</span>}
        <button type="button" onClick={() => setSettingsOpen(true)}>
          {t('shell.settings')}
        </button>
        <button type="button" onClick={() => void client.signOut()}>
          {t('app.signOut')}
        </button>
      </header>
      <ErrorAlert />
      <div className="shell-body">
        <RoomList open={roomsOpen} onPicked={() => setRoomsOpen(false)} />
        {main}
      </div>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      {jumpOpen && <JumpToRoomDialog onClose={() => setJumpOpen(false)} />}
    </div>
  );
}
