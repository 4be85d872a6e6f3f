import { describe, expect, it } from 'vitest';
import { isReactionEmoji } from './reaction-emoji';

describe('isReactionEmoji', () => {
  it.each([
    ['a simple emoji', '👍'],
    ['an emoji with a variation selector', '❤️'],
    ['an emoji without its variation selector', '❤'],
    ['a skin tone', '👍🏽'],
    ['a ZWJ family (7 code points)', '👨‍👩‍👧‍👦'],
    ['a flag', '🇫🇷'],
    ['a keycap', '1️⃣'],
    ['a subdivision flag (tag sequence)', '🏴󠁧󠁢󠁥󠁮󠁧󠁿'],
    ['a pictograph from the BMP', '☕'],
  ])('accepts %s', (_what, emoji) => {
    expect(isReactionEmoji(emoji)).toBe(true);
  });

  it.each([
    ['empty text', ''],
    ['a letter', 'a'],
    ['a word', 'yes'],
    ['a digit alone', '1'],
    ['punctuation', '!'],
    ['two emoji', '👍👍'],
    ['an emoji and a letter', '👍a'],
    ['an emoji and a space', '👍 '],
    ['a lone regional indicator pair plus one', '🇫🇷🇩'],
    ['a lone surrogate', '\uD83D'],
    ['a combining mark alone', '\u0301'],
    ['a ZWJ joining a letter', 'a\u200D👍'],
  ])('refuses %s', (_what, text) => {
    expect(isReactionEmoji(text)).toBe(false);
  });

  it('counts code points: 16 pass, 17 do not', () => {
    // One grapheme: a pictograph followed by combining marks (each a code point of its own).
    const sixteen = `👍${'\u20DD'.repeat(15)}`;
    expect([...sixteen].length).toBe(16);
    expect(isReactionEmoji(sixteen)).toBe(true);
    expect(isReactionEmoji(`${sixteen}\u20DD`)).toBe(false);
  });

  it('refuses long text without walking all of it', () => {
    expect(isReactionEmoji('👍'.repeat(50_000))).toBe(false);
  });
});
