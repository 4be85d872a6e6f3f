// Beside a room in the list: the room has an unsent composer draft. Outside the room's button,
// so the button's name stays exactly the room's name (DESIGN §1b).
import { useTranslation } from 'react-i18next';
import { useChat } from '../app/chat-context';

export function DraftMarker({ roomId }: { roomId: string }) {
  const hasDraft = useChat((s) => s.drafts[roomId] !== undefined);
  const { t } = useTranslation();
  if (!hasDraft) return null;
  return (
    <span className="draft-marker" title={t('messageActions.draft')}>
      <span aria-hidden="true">✎</span>
      <span className="visually-hidden">{t('messageActions.draft')}</span>
    </span>
  );
}
