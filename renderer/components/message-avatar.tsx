// The sender's initials in a coloured disc (decorative: the name is right beside it). The colour
// comes from the name, so one person keeps one colour everywhere.
import { memo } from 'react';

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
  return letters
    .map((word) => [...(word ?? '')].find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? '')
    .join('')
    .toUpperCase() || '?';
}

function hueOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}

export const MessageAvatar = memo(function MessageAvatar({ name }: { name: string }) {
  return (
    <span className="message-avatar" aria-hidden="true" style={{ '--avatar-hue': hueOf(name) } as React.CSSProperties}>
      {initialsOf(name)}
    </span>
  );
});
