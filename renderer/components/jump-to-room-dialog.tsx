// Ctrl+K / Cmd+K: the dialog "Jump to room" with the combobox "Room" (DESIGN §1b). Typing filters
// the rooms (names starting with the text first, then containing it); Up/Down move through the
// matches, Enter opens the highlighted one — the first match unless the user moved. Escape closes.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomSummary } from '../../common/protocol';
import { useChat, useChatClient } from '../app/chat-context';
import { selectRooms } from '../store/selectors';
import { PrivacyIcon } from './privacy-icon';

const MAX_OPTIONS = 20;
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function matchRooms(rooms: readonly RoomSummary[], text: string): RoomSummary[] {
  const needle = text.trim().toLocaleLowerCase();
  const usable = rooms.filter((room) => !room.disabled);
  const scored = usable
    .map((room) => ({ room, at: room.name.toLocaleLowerCase().indexOf(needle) }))
    .filter((entry) => entry.at !== -1)
    .sort((a, b) => (a.at === 0) !== (b.at === 0) ? (a.at === 0 ? -1 : 1) : byName.compare(a.room.name, b.room.name));
  return scored.slice(0, MAX_OPTIONS).map((entry) => entry.room);
}

export function JumpToRoomDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const rooms = useChat(selectRooms);
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const titleId = useId();
  const listId = useId();
  const hintId = useId();
  const matches = useMemo(() => matchRooms(rooms, text), [rooms, text]);
  const current = matches[Math.min(active, matches.length - 1)];

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const open = (room: RoomSummary | undefined) => {
    if (!room) return;
    ref.current?.close();
    // The shell puts the focus in the composer once the room is there (room-view.tsx).
    void client.openRoom(room.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (Math.min(index, matches.length - 1) + step + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(current);
    }
  };

  return (
    <dialog ref={ref} className="modal jump-dialog" aria-labelledby={titleId} onClose={onClose}>
      <header className="modal-header">
        <h2 id={titleId}>{t('jump.title')}</h2>
      </header>
      <div className="modal-body">
        <label className="field">
          <span>{t('jump.room')}</span>
          <input
            type="text"
            role="combobox"
            aria-expanded={matches.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-describedby={hintId}
            aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
            autoComplete="off"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        </label>
        <p id={hintId} className="muted">
          {t('jump.hint')}
        </p>
        <ul role="listbox" id={listId} aria-label={t('jump.room')} className="list-plain jump-options">
          {matches.map((room) => (
            <li
              key={room.id}
              id={`${listId}-${room.id}`}
              role="option"
              aria-selected={room.id === current?.id}
              onClick={() => open(room)}
            >
              <PrivacyIcon privacy={room.privacy} /> {room.name}
            </li>
          ))}
        </ul>
        {matches.length === 0 && <p className="muted">{t('jump.none')}</p>}
      </div>
    </dialog>
  );
}
