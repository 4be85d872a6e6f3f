import { describe, expect, it } from 'vitest';
import { MAX_REACTIONS_PER_MESSAGE, isReactionEmoji, toggleReaction } from './reaction-emoji';

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

describe('toggleReaction', () => {
  const start = [
    { emoji: '👍', userIds: ['a', 'b'] },
    { emoji: '🎉', userIds: ['a'] },
  ];

  it('adds a user to an emoji already there, keeping its place', () => {
    expect(toggleReaction(start, '🎉', 'b', true)).toEqual([
      { emoji: '👍', userIds: ['a', 'b'] },
      { emoji: '🎉', userIds: ['a', 'b'] },
    ]);
  });

  it('puts a new emoji last (order of first use)', () => {
    expect(toggleReaction(start, '😮', 'c', true)).toEqual([...start, { emoji: '😮', userIds: ['c'] }]);
  });

  it('on twice and off for an emoji not held change nothing (the same array)', () => {
    expect(toggleReaction(start, '👍', 'a', true)).toBe(start);
    expect(toggleReaction(start, '🎉', 'b', false)).toBe(start);
    expect(toggleReaction(start, '😢', 'a', false)).toBe(start);
  });

  it('drops an emoji nobody holds any more', () => {
    expect(toggleReaction(start, '🎉', 'a', false)).toEqual([{ emoji: '👍', userIds: ['a', 'b'] }]);
    expect(toggleReaction(start, '👍', 'a', false)).toEqual([
      { emoji: '👍', userIds: ['b'] },
      { emoji: '🎉', userIds: ['a'] },
    ]);
  });

  it('refuses a 21st distinct emoji but still lets users join one of the 20', () => {
    const twenty = Array.from({ length: MAX_REACTIONS_PER_MESSAGE }, (_, i) => ({ emoji: String.fromCodePoint(0x1f600 + i), userIds: ['a'] }));
    expect(toggleReaction(twenty, '🎉', 'b', true)).toBe('too_many');
    expect(toggleReaction(twenty, '😀', 'b', true)).not.toBe('too_many');
  });
});
