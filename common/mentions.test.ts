import { describe, expect, it } from 'vitest';
import { MentionMatcher, mentions } from './mentions';

const alice = { name: 'alice', displayName: 'Alice Martin' };

describe('mentions (one user)', () => {
  it('finds @name, @Display Name and @"Display Name", in any case', () => {
    expect(mentions('hi @alice, look', alice)).toBe(true);
    expect(mentions('ping @ALICE MARTIN please', alice)).toBe(true);
    expect(mentions('ping @"alice martin": please', alice)).toBe(true);
    expect(mentions('@alice', alice)).toBe(true);
    expect(mentions('(@Alice)', alice)).toBe(true);
  });

  it('ignores partial names, longer words, e-mail addresses and missing users', () => {
    expect(mentions('@al said', alice)).toBe(false);
    expect(mentions('@alicex', alice)).toBe(false);
    expect(mentions('@alice_2', alice)).toBe(false);
    expect(mentions('@Alice Martine', { name: 'x', displayName: 'Alice Martin' })).toBe(false);
    expect(mentions('write to bob@alice.org', alice)).toBe(false);
    expect(mentions('é@alice', alice)).toBe(false);
    expect(mentions('@"alice martin', alice)).toBe(false);
    expect(mentions('alice', alice)).toBe(false);
    expect(mentions('hi @alice', null)).toBe(false);
  });
});

describe('MentionMatcher (many users)', () => {
  const matcher = new MentionMatcher<string>([
    ['alice', 'u1'],
    ['Alice Martin', 'u1'],
    ['al', 'u2'],
    ['Al Smith', 'u2'],
    ['Zoë', 'u3'],
    ['日本', 'u4'],
    ['😀 fan', 'u5'],
  ]);

  it('finds every user a text mentions, each once', () => {
    expect(matcher.find('@alice @al and @ALICE MARTIN')).toEqual(new Set(['u1', 'u2']));
    expect(matcher.find('@"Al Smith" @zoë')).toEqual(new Set(['u2', 'u3']));
    expect(matcher.find('@日本 @😀 fan')).toEqual(new Set(['u4', 'u5']));
  });

  it('a longer name does not hide a shorter one that also ends at a word boundary', () => {
    // "@Alice Martin" ends "alice" at a space: both names are mentioned (the client rule agrees).
    const both = new MentionMatcher<string>([['alice', 'a'], ['Alice Martin', 'b']]);
    expect(both.find('@Alice Martin')).toEqual(new Set(['a', 'b']));
  });

  it('needs the @ at a word start and the name at a word end', () => {
    expect(matcher.find('x@alice @alicex @zoëy mail@al.org')).toEqual(new Set());
    expect(matcher.find('@@alice')).toEqual(new Set(['u1']));
    expect(matcher.find('@"alice"x')).toEqual(new Set(['u1']));
  });

  it('stays cheap on hostile text', () => {
    const text = '@'.repeat(50_000) + '@alx'.repeat(10_000) + '@alic'.repeat(10_000);
    const started = performance.now();
    expect(matcher.find(text)).toEqual(new Set());
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('agrees with the one-user rule for every case above', () => {
    const texts = ['hi @alice, look', '@al said', '@alicex', 'bob@alice.org', '@"Alice Martin"', '@Alice  Martin', '@ALICE'];
    for (const text of texts) {
      expect(new MentionMatcher([['alice', 1], ['Alice Martin', 1]]).find(text).size > 0, text).toBe(mentions(text, alice));
    }
  });
});
