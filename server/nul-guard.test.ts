import { describe, expect, it } from 'vitest';
import { containsNul, urlContainsNul } from './nul-guard';

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
