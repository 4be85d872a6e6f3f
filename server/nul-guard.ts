// PostgreSQL text cannot hold U+0000 (SQLite can), and no field of this protocol has a use for
// it, so input carrying one is refused as bad_request at the edges, the same on both stores.

const MAX_DEPTH = 32;

/** True when any string inside `value` (keys included) contains U+0000. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/** True when a request URL (path or query) carries an encoded or raw U+0000. */
export function urlContainsNul(url: string): boolean {
  return /%00/i.test(url) || url.includes('\u0000');
}
