// One open room: header (name, privacy, Follow, notification level, room actions), the
// conversation, the composer, and the side column (participants + add-in pane). Below 1000 px
// the side column folds behind the buttons "Participants" and "Add-in" (DESIGN §1b) so the
// composer keeps its width; each opens the column over the conversation.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDetail } from '../../common/protocol';
import { AddinPane } from './addin-pane';
import { Composer } from './composer';
import { FileDropZone } from './file-drop-zone';
import { FollowButton } from './follow-button';
import { MessageList } from './message-list';
import { NotifyLevelSelect } from './notify-level-select';
import { ParticipantsPanel } from './participants-panel';
import { PrivacyIcon } from './privacy-icon';
import { RoomActions } from './room-actions';

type SidePane = 'participants' | 'addin' | null;

export function RoomView({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLElement>(null);
  const [side, setSide] = useState<SidePane>(null);
  const privacyLabel = { open: t('nav.privacyOpen'), closed: t('nav.privacyClosed'), secret: t('nav.privacySecret') }[room.privacy];

  // Switching rooms replaces this view, and the focus with it: if it was in the old composer
  // (Alt+Up/Down, Jump to room) it is now nowhere, so it goes to the new composer (issue 11).
  // A click in the room list keeps the focus where it is.
  useEffect(() => {
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    rootRef.current?.querySelector<HTMLTextAreaElement>('.composer textarea:not(:disabled)')?.focus();
  }, []);

  const toggle = (pane: Exclude<SidePane, null>) => setSide((open) => (open === pane ? null : pane));
  // Below 1000 px the open side column lies over the conversation: Escape folds it again.
  useEffect(() => {
    if (side === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && window.matchMedia('(max-width: 999px)').matches) setSide(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [side]);
  return (
    <main className="room-view" ref={rootRef}>
      <header className="room-header">
        <div className="room-title">
          <h1>{room.name}</h1>
          <p className="room-description">
            <PrivacyIcon privacy={room.privacy} label={privacyLabel} /> {room.description}
          </p>
        </div>
        <div className="room-actions" aria-label={t('room.actions')} role="group">
          <FollowButton roomId={room.id} />
          <NotifyLevelSelect roomId={room.id} />
          <RoomActions room={room} />
          <span className="pane-toggles">
            <button type="button" aria-expanded={side === 'participants'} aria-controls="room-side" onClick={() => toggle('participants')}>
              {t('shell.participantsToggle')}
            </button>
            {room.addin && (
              <button type="button" aria-expanded={side === 'addin'} aria-controls="room-side" onClick={() => toggle('addin')}>
                {t('shell.addinToggle')}
              </button>
            )}
          </span>
        </div>
      </header>
      {!room.chatHistory && (
        <p className="history-off" role="note">
          {t('room.historyOff')}
        </p>
      )}
      {/* The header stays above both columns, so the folded side column opens below it and its
          toggles stay within reach. */}
      <div className="room-body">
        <FileDropZone roomId={room.id} enabled={room.canPost && room.fileUpload && !room.disabled}>
          <MessageList roomId={room.id} />
          <Composer room={room} />
        </FileDropZone>
        <aside className={side ? 'room-side open' : 'room-side'} id="room-side" data-show={side ?? undefined}>
          <ParticipantsPanel roomId={room.id} />
          <AddinPane room={room} />
        </aside>
      </div>
    </main>
  );
}
