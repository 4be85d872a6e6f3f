// Day separators: which local day a message falls on, and how that day is named ("Today",
// "Yesterday", or the date in the user's language).

/** A key for the local calendar day of an ISO time ('' when the time is unreadable). */
export function dayKey(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  return `${time.getFullYear()}-${time.getMonth() + 1}-${time.getDate()}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
    dateFormats.set(locale, format);
  }
  return format;
}

export function dayLabel(
  iso: string,
  locale: string,
  words: { today: string; yesterday: string },
  now: Date = new Date(),
): string {
  const key = dayKey(iso);
  if (key === dayKey(now.toISOString())) return words.today;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12);
  if (key === dayKey(yesterday.toISOString())) return words.yesterday;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? '' : dateFormat(locale).format(time);
}

/** Consecutive messages of one sender within this many ms are grouped under one header. */
export const GROUP_WINDOW_MS = 5 * 60 * 1000;

export function continuesGroup(
  previous: { senderId: string; createdAt: string } | undefined,
  current: { senderId: string; createdAt: string },
): boolean {
  if (!previous || previous.senderId !== current.senderId) return false;
  const gap = Date.parse(current.createdAt) - Date.parse(previous.createdAt);
  return gap >= 0 && gap < GROUP_WINDOW_MS && dayKey(previous.createdAt) === dayKey(current.createdAt);
}
