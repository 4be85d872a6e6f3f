// Message text rules (PROTOCOL.md §9.9): length counted in Unicode code points after trimming.

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export type TextCheck = { ok: true; text: string } | { ok: false; reason: 'blank' | 'too_long' };

export function checkMessageText(raw: string, maxMessageChars: number): TextCheck {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, reason: 'blank' };
  if (codePointLength(text) > maxMessageChars) return { ok: false, reason: 'too_long' };
  return { ok: true, text };
}
