// One open room: header (name + room actions slot), the conversation, the composer, and the
// side column (participants + add-in pane slot).
import { useTranslation } from 'react-i18next';
import type { RoomDetail } from '../../common/protocol';
import { AddinPane } from './addin-pane';
import { Composer } from './composer';
import { FileDropZone } from './file-drop-zone';
import { MessageList } from './message-list';
import { ParticipantsPanel } from './participants-panel';
import { FollowButton } from './follow-button';
import { RoomActions } from './room-actions';

export function RoomView({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  return (
    <main className="room-view">
      <FileDropZone roomId={room.id} enabled={room.canPost && room.fileUpload && !room.disabled}>
        <header className="room-header">
          <div className="room-title">
            <h1>{room.name}</h1>
            {room.description && <p className="room-description">{room.description}</p>}
          </div>
          <div className="room-actions" aria-label={t('room.actions')} role="group">
            <FollowButton roomId={room.id} />
            <RoomActions room={room} />
          </div>
        </header>
        {!room.chatHistory && (
          <p className="history-off" role="note">
            {t('room.historyOff')}
          </p>
        )}
        <MessageList roomId={room.id} />
        <Composer room={room} />
      </FileDropZone>
      <aside className="room-side">
        <ParticipantsPanel roomId={room.id} />
        <AddinPane room={room} />
      </aside>
    </main>
  );
}
