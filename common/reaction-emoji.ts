// What counts as one reaction (PROTOCOL §11): exactly one grapheme cluster that is an emoji
// (contains an Extended_Pictographic code point, or is a flag or a keycap), at most 16 code points.
// The server refuses anything else and the client's picker offers only what passes, so both sides
// use this one rule.

export const MAX_REACTION_CODE_POINTS = 16;
/** Distinct emoji one message may carry; a 21st is refused. */
export const MAX_REACTIONS_PER_MESSAGE = 20;

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
// Flags (two regional indicators) and keycaps (digit, # or * then U+FE0F U+20E3) are emoji
// without an Extended_Pictographic code point.
const FLAG = /^\p{Regional_Indicator}{2}$/u;
const KEYCAP = /^[0-9#*]\uFE0F?\u20E3$/u;
// Letters, digits, punctuation and spaces never belong in an emoji, even joined to one.
const NOT_EMOJI = /[\p{L}\p{N}\p{P}\p{Z}\p{Cc}]/u;

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    out.push(segment);
    // Two graphemes already mean "not one emoji"; no need to walk a long string.
    if (out.length > 1) break;
  }
  return out;
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export function isReactionEmoji(text: string): boolean {
  // 16 code points are at most 32 UTF-16 units; anything longer is refused before segmenting.
  if (text.length === 0 || text.length > MAX_REACTION_CODE_POINTS * 2) return false;
  if (codePoints(text) > MAX_REACTION_CODE_POINTS) return false;
  const parts = graphemes(text);
  if (parts.length !== 1) return false;
  if (FLAG.test(text) || KEYCAP.test(text)) return true;
  return PICTOGRAPHIC.test(text) && !NOT_EMOJI.test(text.replace(/\u200D|\uFE0E|\uFE0F/gu, ''));
}

export interface ReactionSet {
  emoji: string;
  userIds: string[];
}

/**
 * §11 toggle: `on` adds the user to the emoji's holders (a new emoji goes last: order of first
 * use), `off` takes them out and drops an emoji nobody holds. Returns the same array when nothing
 * changes (on twice, off for an emoji not held), `too_many` for a 21st distinct emoji.
 */
export function toggleReaction<R extends ReactionSet>(
  current: readonly R[],
  emoji: string,
  userId: string,
  on: boolean,
): readonly ReactionSet[] | 'too_many' {
  const index = current.findIndex((r) => r.emoji === emoji);
  const held = index >= 0 && current[index]!.userIds.includes(userId);
  if (on === held) return current;
  if (!on) {
    const userIds = current[index]!.userIds.filter((id) => id !== userId);
    return userIds.length === 0 ? current.filter((_, i) => i !== index) : current.map((r, i) => (i === index ? { emoji, userIds } : r));
  }
  if (index >= 0) return current.map((r, i) => (i === index ? { emoji, userIds: [...r.userIds, userId] } : r));
  if (current.length >= MAX_REACTIONS_PER_MESSAGE) return 'too_many';
  return [...current, { emoji, userIds: [userId] }];
}
