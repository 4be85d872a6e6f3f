import { describe, expect, it } from 'vitest';
import type { AlertRecord } from '../storage/attention-storage';
import { KeywordIndex } from './keyword-index';

const alert = (id: string, keywords: string[], userId = 'u1'): AlertRecord => ({ id, userId, name: id, keywords, roomIds: null });

/** The rule written the slow, obvious way: one regular expression per keyword. */
function reference(alerts: readonly AlertRecord[], text: string): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /[\p{L}\p{N}_]/u;
  return alerts
    .filter((a) =>
      a.keywords.some((raw) => {
        const k = raw.trim().toLowerCase();
        if (k === '') return false;
        const left = word.test([...k][0]!) ? '(?<![\\p{L}\\p{N}_])' : '';
        const right = word.test([...k].at(-1)!) ? '(?![\\p{L}\\p{N}_])' : '';
        return new RegExp(`${left}${escape(k)}${right}`, 'u').test(text.toLowerCase());
      }),
    )
    .map((a) => a.id)
    .sort();
}

const ids = (index: KeywordIndex, text: string) => [...index.match(text).keys()].sort();

describe('KeywordIndex', () => {
  it('matches whole words, case-insensitively', () => {
    const index = new KeywordIndex();
    index.setUser('u1', [alert('a', ['Release']), alert('b', ['rel'])]);
    expect(ids(index, 'The RELEASE is out')).toEqual(['a']);
    expect(ids(index, 'releases and prerelease')).toEqual([]);
    expect(ids(index, 'release_2 release2')).toEqual([]);
    expect(ids(index, '(release).')).toEqual(['a']);
  });

  it('matches multi-word keywords and keywords with punctuation where their first word occurs', () => {
    const index = new KeywordIndex();
    index.setUser('u1', [alert('multi', ['new york']), alert('cpp', ['C++']), alert('mail', ['e-mail']), alert('tag', ['#urgent']), alert('bang', ['!!!'])]);
    expect(ids(index, 'flying to New York today')).toEqual(['multi']);
    expect(ids(index, 'new yorker')).toEqual([]);
    expect(ids(index, 'new  york')).toEqual([]);
    expect(ids(index, 'I write c++ daily')).toEqual(['cpp']);
    expect(ids(index, 'send an E-Mail')).toEqual(['mail']);
    expect(ids(index, 'email me')).toEqual([]);
    expect(ids(index, 'this is #URGENT')).toEqual(['tag']);
    expect(ids(index, 'urgent')).toEqual([]);
    expect(ids(index, 'wow!!!')).toEqual(['bang']);
  });

  it('reports each alert once, however many of its keywords match', () => {
    const index = new KeywordIndex();
    index.setUser('u1', [alert('a', ['one', 'two', 'one two'])]);
    expect([...index.match('one two one two').keys()]).toEqual(['a']);
  });

  it('replaces a user’s alerts on save and forgets them on delete, other users untouched', () => {
    const index = new KeywordIndex();
    index.setUser('u1', [alert('a', ['alpha'])]);
    index.setUser('u2', [alert('b', ['alpha'], 'u2')]);
    expect(ids(index, 'alpha')).toEqual(['a', 'b']);
    index.setUser('u1', [alert('a', ['beta'])]);
    expect(ids(index, 'alpha beta')).toEqual(['a', 'b']);
    expect(ids(index, 'alpha')).toEqual(['b']);
    index.setUser('u1', []);
    expect(ids(index, 'alpha beta')).toEqual(['b']);
    expect(index.size).toBe(1);
    index.load([alert('c', ['gamma'], 'u3')]);
    expect(ids(index, 'alpha beta gamma')).toEqual(['c']);
    expect(index.size).toBe(1);
  });

  it('agrees with one regular expression per keyword on random texts', () => {
    const vocabulary = ['alpha', 'Beta', 'gam-ma', 'c++', 'new york', 'x', 'éte', 'über', '42', 'a_b', '!!', 'the end', 'de'];
    const pieces = [...vocabulary, ' ', '  ', '-', '.', 'x', 'ALPHA', 'alphabet', 'zz', '_', 'É', '!', '\n', 'york', 'new'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alerts = Array.from({ length: 60 }, (_, i) =>
      alert(`a${i}`, Array.from({ length: 1 + random(3) }, () => vocabulary[random(vocabulary.length)]!), `u${i % 7}`),
    );
    const index = new KeywordIndex();
    index.load(alerts);
    for (let round = 0; round < 500; round += 1) {
      const text = Array.from({ length: 1 + random(12) }, () => pieces[random(pieces.length)]).join('');
      expect(ids(index, text), JSON.stringify(text)).toEqual(reference(alerts, text));
    }
  });
});
