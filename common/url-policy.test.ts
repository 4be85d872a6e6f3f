import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl, isAllowedWebUrl, originOf } from './url-policy';

describe('isAllowedWebUrl', () => {
  it.each([
    'http://example.com',
    'https://example.com/addin?room=1#x',
    'http://127.0.0.1:4100/demo/ticker-addin.html',
    'https://[::1]:8443/',
  ])('allows %s', (url) => {
    expect(isAllowedWebUrl(url)).toBe(true);
  });

  it.each([
    ['javascript', 'javascript:alert(1)'],
    ['javascript with case and spaces', ' JaVaScRiPt:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['file', 'file:///etc/passwd'],
    ['ftp', 'ftp://example.com/'],
    ['blob', 'blob:https://example.com/uuid'],
    ['credentials', 'https://user:secret@example.com/'],
    ['user only', 'https://user@example.com/'],
    ['relative', '/manage'],
    ['garbage', 'not a url'],
    ['empty', ''],
    ['embedded tab', 'java\tscript:alert(1)'],
    ['newline', 'https://example.com/\n'],
    ['too long', `https://example.com/${'a'.repeat(2100)}`],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedWebUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedWebUrl(undefined)).toBe(false);
    expect(isAllowedWebUrl(42)).toBe(false);
    expect(isAllowedWebUrl({ href: 'https://example.com' })).toBe(false);
  });
});

describe('isAllowedLinkUrl', () => {
  it('also allows mailto links', () => {
    expect(isAllowedLinkUrl('mailto:alice@example.com')).toBe(true);
    expect(isAllowedLinkUrl('https://example.com')).toBe(true);
  });
  it('refuses other schemes', () => {
    expect(isAllowedLinkUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedLinkUrl('tel:123')).toBe(false);
    expect(isAllowedLinkUrl('mailto:')).toBe(false);
  });
});

describe('originOf', () => {
  it('gives the origin of an allowed URL and null otherwise', () => {
    expect(originOf('https://addins.example.com:8443/ticker?x=1')).toBe('https://addins.example.com:8443');
    expect(originOf('javascript:alert(1)')).toBeNull();
  });
});
