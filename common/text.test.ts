import { describe, expect, it } from 'vitest';
import { checkMessageText, codePointLength } from './text';

describe('codePointLength', () => {
  it('counts astral characters once', () => {
    expect(codePointLength('😀😀')).toBe(2);
    expect('😀😀'.length).toBe(4);
  });
});

describe('checkMessageText', () => {
  it('trims and accepts text at exactly the limit in code points', () => {
    expect(checkMessageText(`  ${'😀'.repeat(5)}  `, 5)).toEqual({ ok: true, text: '😀'.repeat(5) });
  });
  it('refuses one code point over the limit', () => {
    expect(checkMessageText('abcdef', 5)).toEqual({ ok: false, reason: 'too_long' });
  });
  it('refuses blank text', () => {
    expect(checkMessageText(' \n\t ', 5)).toEqual({ ok: false, reason: 'blank' });
  });
});
