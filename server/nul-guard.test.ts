import { describe, expect, it } from 'vitest';
import { containsLoneSurrogate, containsNul, urlContainsNul } from './nul-guard';

describe('nul guard', () => {
  it('finds U+0000 anywhere in a payload', () => {
    expect(containsNul({ roomId: 'r', text: 'a\u0000b' })).toBe(true);
    expect(containsNul({ nested: [{ deep: ['x', '\u0000'] }] })).toBe(true);
    expect(containsNul({ ['k\u0000']: 1 })).toBe(true);
    expect(containsNul({ text: 'plain 😀 \u0001', n: 0, b: null })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
  });
  it('finds it in URLs, encoded or not', () => {
    expect(urlContainsNul('/api/rooms/%00')).toBe(true);
    expect(urlContainsNul('/api/files/x?token=a%00b')).toBe(true);
    expect(urlContainsNul('/api/rooms/abc?q=100%25')).toBe(false);
  });
});

describe('lone surrogate guard', () => {
  it('finds an unpaired high or low surrogate anywhere, keys included', () => {
    expect(containsLoneSurrogate({ text: '\ud800' })).toBe(true);
    expect(containsLoneSurrogate({ text: 'end \ud83d' })).toBe(true);
    expect(containsLoneSurrogate({ text: '\ude00 start' })).toBe(true);
    expect(containsLoneSurrogate({ text: 'reversed \ude00\ud83d pair' })).toBe(true);
    expect(containsLoneSurrogate({ list: [{ deep: ['ok', 'x\udbffy'] }] })).toBe(true);
    expect(containsLoneSurrogate({ ['k\udc00']: 1 })).toBe(true);
  });
  it('accepts paired surrogates (emoji, astral letters) and other text', () => {
    expect(containsLoneSurrogate({ text: 'fine 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \ufffd é 中文', n: 1, b: null })).toBe(false);
    expect(containsLoneSurrogate('\ud83d\ude00\ud83d\ude00')).toBe(false);
    expect(containsLoneSurrogate(undefined)).toBe(false);
  });
});
