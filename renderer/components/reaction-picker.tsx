// "Add reaction": a small dialog with the common emoji as buttons named by their emoji, and a
// search box. Enter in the search takes the first match; with no match it sends what was typed,
// so the server's own rule decides (and its refusal shows in the alert).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { searchEmoji } from '../lib/emoji-list';
import { useMessageRow } from './message-row-context';

interface ReactionPickerProps {
  /** Opens below the toolbar, or above it for messages in the lower half of the conversation. */
  placement: 'above' | 'below';
  onPick: (emoji: string) => void;
  onClose: () => void;
}

export function ReactionPicker({ placement, onPick, onClose }: ReactionPickerProps) {
  const { t } = useMessageRow();
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const matches = searchEmoji(query);

  useEffect(() => searchRef.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const typed = query.trim();
    const pick = matches[0]?.emoji ?? typed;
    if (pick) onPick(pick);
  };

  return (
    <div className={`reaction-picker ${placement}`} role="dialog" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <p id={titleId} className="visually-hidden">
        {t('messageActions.picker')}
      </p>
      <input
        ref={searchRef}
        type="search"
        aria-label={t('messageActions.searchEmoji')}
        placeholder={t('messageActions.searchEmoji')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onSearchKey}
      />
      <div className="reaction-choices">
        {matches.map((entry) => (
          <button key={entry.emoji} type="button" className="reaction-choice" onClick={() => onPick(entry.emoji)}>
            {entry.emoji}
          </button>
        ))}
      </div>
      {matches.length === 0 && <p className="reaction-none">{t('messageActions.noEmoji')}</p>}
    </div>
  );
}
