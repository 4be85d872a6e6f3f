// Text the stores cannot keep faithfully is refused as bad_request at the edges, the same on both
// stores. PostgreSQL text cannot hold U+0000 (SQLite can), and no field of this protocol has a use
// for it. An unpaired UTF-16 surrogate (PROTOCOL §10) is not a character at all: UTF-8 cannot
// encode it, so it would be stored as U+FFFD (three bytes each, tripling a message) or refused.

const MAX_DEPTH = 32;
/** In `u` mode a surrogate pair is one code point (not Cs); only an unpaired half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

export const NUL_MESSAGE = 'text must not contain U+0000';
export const LONE_SURROGATE_MESSAGE = 'text must not contain an unpaired UTF-16 surrogate';

/** What one walk over a payload found: U+0000 outranks a lone surrogate, as the checks' order says. */
interface Found {
  loneSurrogate: boolean;
}

/** True as soon as U+0000 turns up; notes a lone surrogate on the way and walks on. */
function walkForNul(value: unknown, found: Found, depth: number): boolean {
  if (typeof value === 'string') return checkText(value, found);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (walkForNul(item, found, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (checkText(key, found) || walkForNul((value as Record<string, unknown>)[key], found, depth + 1)) return true;
  }
  return false;
}

function checkText(text: string, found: Found): boolean {
  if (text.includes('\u0000')) return true;
  if (!found.loneSurrogate && LONE_SURROGATE.test(text)) found.loneSurrogate = true;
  return false;
}

/**
 * Why the stores could not keep `value` faithfully (the bad_request message), or undefined when
 * they can: containsNul, then containsLoneSurrogate, in one walk. Every socket event and JSON body
 * passes through here, so it makes no arrays or closures on the way.
 */
export function unstorableText(value: unknown): string | undefined {
  const found: Found = { loneSurrogate: false };
  if (walkForNul(value, found, 0)) return NUL_MESSAGE;
  return found.loneSurrogate ? LONE_SURROGATE_MESSAGE : undefined;
}

/** True when a request URL (path or query) carries an encoded or raw U+0000. */
export function urlContainsNul(url: string): boolean {
  return /%00/i.test(url) || url.includes('\u0000');
}
