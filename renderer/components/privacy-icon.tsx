// A room's privacy as a small icon (open: a hash, closed: a lock, secret: an eye struck out).
// Decorative inside a button (the button's name must stay the room's name); where it stands
// alone, `label` gives it a name.
import type { RoomPrivacy } from '../../common/protocol';

const paths: Record<RoomPrivacy, string> = {
  open: 'M5 1.5 4 14.5M11 1.5 10 14.5M1.5 5.5h13M1 10.5h13',
  closed: 'M4 7V5a4 4 0 0 1 8 0v2M3 7h10v7.5H3z',
  secret: 'M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM2 14 14 2',
};

export function PrivacyIcon({ privacy, label }: { privacy: RoomPrivacy; label?: string }) {
  return (
    <svg
      className="privacy-icon"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      data-privacy={privacy}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true, focusable: false })}
    >
      <path d={paths[privacy]} />
    </svg>
  );
}
