import { describe, expect, it } from 'vitest';
import { isReactionEmoji } from '../../common/reaction-emoji';
import { COMMON_EMOJI, searchEmoji } from './emoji-list';

describe('reaction picker emoji', () => {
  it('offers only what the server accepts as one emoji, each once', () => {
    for (const { emoji } of COMMON_EMOJI) expect(isReactionEmoji(emoji), emoji).toBe(true);
    expect(new Set(COMMON_EMOJI.map((e) => e.emoji)).size).toBe(COMMON_EMOJI.length);
  });

  it('starts with the six the UI contract names', () => {
    expect(COMMON_EMOJI.slice(0, 6).map((e) => e.emoji)).toEqual(['👍', '❤️', '😄', '🎉', '😮', '😢']);
  });

  it('searches by word prefix in English and French', () => {
    expect(searchEmoji('hea').map((e) => e.emoji)).toEqual(['❤️']);
    expect(searchEmoji('triste').map((e) => e.emoji)).toEqual(['😢']);
    expect(searchEmoji('')).toHaveLength(COMMON_EMOJI.length);
    expect(searchEmoji('zzz')).toEqual([]);
  });
});
