import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('turns http, https and mailto into links and leaves trailing punctuation as text', () => {
    expect(linkify('see https://example.org/a?b=1. or mailto:x@y.z!')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { kind: 'text', text: '. or ' },
      { kind: 'link', text: 'mailto:x@y.z', href: 'mailto:x@y.z' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('never links other schemes or credentials', () => {
    for (const text of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x', 'https://u:p@evil.example/']) {
      expect(linkify(text).every((part) => part.kind === 'text')).toBe(true);
    }
  });

  it('keeps balanced parentheses inside a URL', () => {
    expect(linkify('(https://en.wikipedia.org/wiki/Foo_(bar))')[1]).toMatchObject({
      href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
  });
});
