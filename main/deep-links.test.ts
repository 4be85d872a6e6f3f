import { describe, expect, it, vi } from 'vitest';
import { PermalinkRouter, permalinkFromArgv, permalinkPathOf, type PermalinkTarget } from './deep-links';

describe('permalinkPathOf', () => {
  it.each([
    ['pchat://chat.example/r/room-1/42', '/r/room-1/42'],
    ['pchat://127.0.0.1:4100/r/abc/1', '/r/abc/1'],
    ['pchat://chat.example/r/a%20b/7', '/r/a%20b/7'],
  ])('accepts %s', (url, path) => expect(permalinkPathOf(url)).toBe(path));

  it.each([
    'https://chat.example/r/room/42',
    'pchat://chat.example/r/room/0',
    'pchat://chat.example/r/room/x',
    'pchat://chat.example/r/room/42/extra',
    'pchat://chat.example/manage',
    'pchat://user:pw@chat.example/r/room/4',
    'pchat://chat.example/r//4',
    'javascript:alert(1)',
    'not a url',
    42,
    `pchat://h/r/${'x'.repeat(600)}/1`,
  ])('refuses %s', (url) => expect(permalinkPathOf(url)).toBeNull());
});

describe('permalinkFromArgv', () => {
  it('finds the link the OS appended', () => {
    expect(permalinkFromArgv(['/usr/bin/pchat', '--flag', 'pchat://h/r/a/1'])).toBe('pchat://h/r/a/1');
    expect(permalinkFromArgv(['/usr/bin/pchat'])).toBeNull();
  });
});

function fakeTarget(loading: boolean) {
  let onLoad: (() => void) | null = null;
  const send = vi.fn();
  const target = {
    loading,
    send,
    isLoading: () => target.loading,
    once: (_event: 'did-finish-load', listener: () => void) => {
      onLoad = listener;
    },
    finishLoad: () => {
      target.loading = false;
      onLoad?.();
    },
  };
  return { target: target as typeof target & PermalinkTarget, send };
}

describe('PermalinkRouter', () => {
  it('keeps a link received before the window until its page has loaded', () => {
    const router = new PermalinkRouter();
    expect(router.receive('pchat://h/r/a/5')).toBe(true);
    const { target, send } = fakeTarget(true);
    router.attach(target);
    expect(send).not.toHaveBeenCalled();
    target.finishLoad();
    expect(send).toHaveBeenCalledWith('permalink:open', '/r/a/5');
  });

  it('sends at once to a loaded window, and never a refused link', () => {
    const router = new PermalinkRouter();
    const { target, send } = fakeTarget(false);
    router.attach(target);
    expect(router.receive('pchat://h/r/b/9')).toBe(true);
    expect(router.receive('https://evil.example/r/b/9')).toBe(false);
    expect(send.mock.calls).toEqual([['permalink:open', '/r/b/9']]);
  });
});
