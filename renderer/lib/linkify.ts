// Splits message text into plain runs and links. Only http/https/mailto links that pass the
// shared URL policy become links; everything else stays text, and nothing is ever parsed as HTML.
import { isAllowedLinkUrl } from '../../common/url-policy';

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const CANDIDATE = /\b(?:https?:\/\/|mailto:)[^\s<>"]+/gi;
// Sentence punctuation right after a URL belongs to the sentence, not the URL.
const TRAILING = /[.,;:!?'"»)\]}]+$/;

function trimTrailing(url: string): string {
  let result = url;
  for (;;) {
    const match = TRAILING.exec(result);
    if (!match) return result;
    // Keep a closing bracket that closes one opened inside the URL (e.g. Wikipedia links).
    const last = result.at(-1);
    if (last === ')' && (result.match(/\(/g)?.length ?? 0) >= (result.match(/\)/g)?.length ?? 0)) return result;
    result = result.slice(0, -1);
  }
}

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const url = trimTrailing(match[0]);
    if (!isAllowedLinkUrl(url)) continue;
    if (start > cursor) parts.push({ kind: 'text', text: text.slice(cursor, start) });
    parts.push({ kind: 'link', text: url, href: url });
    cursor = start + url.length;
  }
  if (cursor < text.length) parts.push({ kind: 'text', text: text.slice(cursor) });
  return parts;
}
