// Text the stores cannot keep faithfully is refused as bad_request at the edges, the same on both
// stores. PostgreSQL text cannot hold U+0000 (SQLite can), and no field of this protocol has a use
// for it. An unpaired UTF-16 surrogate (PROTOCOL §10) is not a character at all: UTF-8 cannot
// encode it, so it would be stored as U+FFFD (three bytes each, tripling a message) or refused.

const MAX_DEPTH = 32;
/** In `u` mode a surrogate pair is one code point (not Cs); only an unpaired half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

function someString(value: unknown, test: (text: string) => boolean, depth = 0): boolean {
  if (typeof value === 'string') return test(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => someString(item, test, depth + 1));
  return Object.entries(value).some(([key, item]) => test(key) || someString(item, test, depth + 1));
}

/** True when any string inside `value` (keys included) contains U+0000. */
export function containsNul(value: unknown): boolean {
  return someString(value, (text) => text.includes('\u0000'));
}

/** True when any string inside `value` (keys included) holds an unpaired UTF-16 surrogate. */
export function containsLoneSurrogate(value: unknown): boolean {
  return someString(value, (text) => LONE_SURROGATE.test(text));
}

export const LONE_SURROGATE_MESSAGE = 'text must not contain an unpaired UTF-16 surrogate';

/** True when a request URL (path or query) carries an encoded or raw U+0000. */
export function urlContainsNul(url: string): boolean {
  return /%00/i.test(url) || url.includes('\u0000');
}
