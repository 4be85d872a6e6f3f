import { describe, expect, it } from 'vitest';
import { LONE_SURROGATE_MESSAGE, NUL_MESSAGE, unstorableText, urlContainsNul } from './nul-guard';

describe('nul guard', () => {
  it('finds U+0000 anywhere in a payload', () => {
    expect(unstorableText({ roomId: 'r', text: 'a\u0000b' })).toBe(NUL_MESSAGE);
    expect(unstorableText({ nested: [{ deep: ['x', '\u0000'] }] })).toBe(NUL_MESSAGE);
    expect(unstorableText({ ['k\u0000']: 1 })).toBe(NUL_MESSAGE);
    expect(unstorableText({ text: 'plain 😀 \u0001', n: 0, b: null })).toBeUndefined();
    expect(unstorableText(undefined)).toBeUndefined();
  });
  it('names U+0000 first when a payload also holds a lone surrogate, wherever each is', () => {
    expect(unstorableText({ a: '\ud800', b: 'x\u0000' })).toBe(NUL_MESSAGE);
    expect(unstorableText(['\u0000', '\udc00'])).toBe(NUL_MESSAGE);
  });
  it('looks no deeper than 32 levels', () => {
    let deep: unknown = 'a\u0000';
    for (let level = 0; level < 40; level += 1) deep = [deep];
    expect(unstorableText(deep)).toBeUndefined();
    let shallow: unknown = 'a\u0000';
    for (let level = 0; level < 30; level += 1) shallow = [shallow];
    expect(unstorableText(shallow)).toBe(NUL_MESSAGE);
  });
  it('finds it in URLs, encoded or not', () => {
    expect(urlContainsNul('/api/rooms/%00')).toBe(true);
    expect(urlContainsNul('/api/files/x?token=a%00b')).toBe(true);
    expect(urlContainsNul('/api/rooms/abc?q=100%25')).toBe(false);
  });
});

describe('lone surrogate guard', () => {
  it('finds an unpaired high or low surrogate anywhere, keys included', () => {
    expect(unstorableText({ text: '\ud800' })).toBe(LONE_SURROGATE_MESSAGE);
    expect(unstorableText({ text: 'end \ud83d' })).toBe(LONE_SURROGATE_MESSAGE);
    expect(unstorableText({ text: '\ude00 start' })).toBe(LONE_SURROGATE_MESSAGE);
    expect(unstorableText({ text: 'reversed \ude00\ud83d pair' })).toBe(LONE_SURROGATE_MESSAGE);
    expect(unstorableText({ list: [{ deep: ['ok', 'x\udbffy'] }] })).toBe(LONE_SURROGATE_MESSAGE);
    expect(unstorableText({ ['k\udc00']: 1 })).toBe(LONE_SURROGATE_MESSAGE);
  });
  it('accepts paired surrogates (emoji, astral letters) and other text', () => {
    expect(unstorableText({ text: 'fine 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \ufffd é 中文', n: 1, b: null })).toBeUndefined();
    expect(unstorableText('\ud83d\ude00\ud83d\ude00')).toBeUndefined();
  });
});
