// A pending invitation in the room list (PROTOCOL §12): the room, who invited the user, and
// "Accept" (joins the room) / "Decline" (room:invitation accept:false). The buttons keep short
// names; the room's name is their description, so a screen reader knows which room they answer.
import { useTranslation } from 'react-i18next';
import type { RoomSummary } from '../../common/protocol';
import { useChat, useChatClient } from '../app/chat-context';
import { selectInvitedBy } from '../store/selectors';
import { PrivacyIcon } from './privacy-icon';

export function InvitationItem({ room }: { room: RoomSummary }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const by = useChat(selectInvitedBy)[room.id];
  const nameId = `invitation-${room.id}`;
  return (
    <li className="invitation">
      <p id={nameId}>
        <PrivacyIcon privacy={room.privacy} /> <strong>{room.name}</strong>
      </p>
      <p className="muted">{by ? t('nav.invitedBy', { name: by }) : t('nav.invited')}</p>
      <div className="invitation-actions">
        <button type="button" className="primary" aria-describedby={nameId} onClick={() => void client.attention.answerInvitation(room.id, true)}>
          {t('nav.accept')}
        </button>
        <button type="button" aria-describedby={nameId} onClick={() => void client.attention.answerInvitation(room.id, false)}>
          {t('nav.decline')}
        </button>
      </div>
    </li>
  );
}
