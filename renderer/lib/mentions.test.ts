import { describe, expect, it } from 'vitest';
import { mentions } from './mentions';

const alice = { name: 'alice', displayName: 'Alice Martin' };

describe('mentions', () => {
  it('finds @name and @Display Name, in any case', () => {
    expect(mentions('hi @alice, look', alice)).toBe(true);
    expect(mentions('ping @ALICE MARTIN please', alice)).toBe(true);
  });

  it('ignores partial names, e-mail addresses and missing users', () => {
    expect(mentions('@al said', alice)).toBe(false);
    expect(mentions('@alicex', alice)).toBe(false);
    expect(mentions('write to bob@alice.org', alice)).toBe(false);
    expect(mentions('hi @alice', null)).toBe(false);
  });
});
