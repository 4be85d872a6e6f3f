// The open room's notification level (pchat addition to §12, stored on the server with
// room:notify): all messages, mentions only, or nothing.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFY_LEVELS, type NotifyLevel } from '../../common/attention-protocol';
import { useChat, useChatClient } from '../app/chat-context';
import { selectRoomSummary } from '../store/selectors';

export function NotifyLevelSelect({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const level = useChat(selectRoomSummary(roomId))?.notify ?? 'all';
  const id = useId();
  return (
    <span className="notify-level">
      <label htmlFor={id} className="visually-hidden">
        {t('notifyLevel.label')}
      </label>
      <select
        id={id}
        value={level}
        onChange={(event) => {
          const next = NOTIFY_LEVELS.find((candidate) => candidate === event.target.value);
          if (next) void client.attention.setNotifyLevel(roomId, next satisfies NotifyLevel);
        }}
      >
        {NOTIFY_LEVELS.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(`notifyLevel.${candidate}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
