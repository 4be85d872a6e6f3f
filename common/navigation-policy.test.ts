import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  decideFrameNavigation,
  decideMainFrameNavigation,
  decidePermission,
  decideWindowOpen,
  isActivatingInput,
  isAppUrl,
  mayOpenExternally,
  USER_ACTIVATION_MS,
} from './navigation-policy';

const hostile = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'blob:app://pchat/1234',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'vbscript:msgbox',
  'about:blank',
  'ftp://example.com/x',
  'not a url',
  '',
  ' https://example.com',
  'https://exa\nmple.com',
  '//example.com',
];

describe('isAppUrl', () => {
  it.each([APP_START_URL, 'app://pchat/', 'app://pchat', 'app://pchat/assets/index.js?x=1#y'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'app://other/index.html',
    'app://user:pw@pchat/index.html',
    'app://pchat:8080/index.html',
    'APP://evil/index.html',
    'https://pchat/index.html',
    'file:///work/out/renderer/index.html',
    ...hostile,
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
  it('refuses non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ href: APP_START_URL })).toBe(false);
  });
});

describe('decideMainFrameNavigation (will-navigate)', () => {
  it('allows our own app origin', () => {
    expect(decideMainFrameNavigation('app://pchat/index.html#/rooms/1')).toEqual({ action: 'allow' });
  });
  it.each(['https://example.com/page', 'http://127.0.0.1:4100/manage'])('sends %s to the browser', (url) => {
    expect(decideMainFrameNavigation(url)).toEqual({ action: 'deny', openExternally: url });
  });
  it('refuses credentials in a web URL without opening it', () => {
    expect(decideMainFrameNavigation('https://user:pw@example.com/')).toEqual({ action: 'deny' });
  });
  it('refuses mailto in the main frame (only window.open / links hand it over)', () => {
    expect(decideMainFrameNavigation('mailto:a@example.com')).toEqual({ action: 'deny' });
  });
  it.each(hostile)('refuses %s', (url) => {
    expect(decideMainFrameNavigation(url)).toEqual({ action: 'deny' });
  });
});

describe('decideFrameNavigation (will-frame-navigate)', () => {
  it('keeps the main frame inside the app', () => {
    expect(decideFrameNavigation(APP_START_URL, true)).toEqual({ action: 'allow' });
    expect(decideFrameNavigation('https://example.com/', true)).toEqual({ action: 'deny' });
  });
  it.each(['https://addin.example.com/ticker', 'http://127.0.0.1:4100/addins/ticker.html'])(
    'lets the add-in subframe load %s',
    (url) => {
      expect(decideFrameNavigation(url, false)).toEqual({ action: 'allow' });
    },
  );
  it('never lets a subframe onto our own app origin', () => {
    expect(decideFrameNavigation(APP_START_URL, false)).toEqual({ action: 'deny' });
  });
  it('refuses credentials in a subframe URL', () => {
    expect(decideFrameNavigation('https://u:p@addin.example.com/', false)).toEqual({ action: 'deny' });
  });
  it.each(hostile)('refuses %s in a subframe', (url) => {
    expect(decideFrameNavigation(url, false)).toEqual({ action: 'deny' });
  });
  it.each(hostile)('refuses %s in the main frame', (url) => {
    expect(decideFrameNavigation(url, true)).toEqual({ action: 'deny' });
  });
});

describe('decideWindowOpen (setWindowOpenHandler)', () => {
  const justClicked = { lastAt: 10_000, now: 10_200 };
  it.each(['https://example.com/', 'http://example.com/a?b=c', 'mailto:someone@example.com'])(
    'denies the window and opens %s externally right after a user gesture',
    (url) => {
      expect(decideWindowOpen(url, justClicked)).toEqual({ action: 'deny', openExternally: url });
    },
  );
  it.each([
    ['no gesture ever', { lastAt: null, now: 10_000 }],
    ['a gesture too long ago', { lastAt: 10_000, now: 10_000 + USER_ACTIVATION_MS + 1 }],
    ['a clock that went back', { lastAt: 10_000, now: 9_000 }],
  ])('without a fresh gesture (%s) only offers the link to the user', (_why, activation) => {
    expect(decideWindowOpen('https://example.com/', activation)).toEqual({ action: 'deny', askFirst: 'https://example.com/' });
  });
  it('accepts a gesture exactly USER_ACTIVATION_MS old', () => {
    expect(decideWindowOpen('https://example.com/', { lastAt: 0, now: USER_ACTIVATION_MS })).toMatchObject({ openExternally: 'https://example.com/' });
  });
  it.each([APP_START_URL, 'https://user:pw@example.com/', 'mailto:', ...hostile])('denies %s outright, gesture or not', (url) => {
    expect(decideWindowOpen(url, justClicked)).toEqual({ action: 'deny' });
    expect(decideWindowOpen(url, { lastAt: null, now: 0 })).toEqual({ action: 'deny' });
  });
});

describe('isActivatingInput', () => {
  it.each(['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'gestureTap', 'touchEnd', 'pointerDown', 'pointerUp'])('%s is a gesture', (type) => {
    expect(isActivatingInput(type)).toBe(true);
  });
  it.each(['mouseMove', 'mouseEnter', 'mouseWheel', 'keyUp', 'char', 'gestureScrollUpdate', 'contextMenu', undefined, 42])('%s is not', (type) => {
    expect(isActivatingInput(type)).toBe(false);
  });
});

describe('mayOpenExternally', () => {
  it('accepts http, https and mailto only', () => {
    expect(mayOpenExternally('https://example.com')).toBe(true);
    expect(mayOpenExternally('mailto:x@example.com')).toBe(true);
    expect(mayOpenExternally('file:///etc/passwd')).toBe(false);
    expect(mayOpenExternally('javascript:alert(1)')).toBe(false);
    expect(mayOpenExternally('https://u:p@example.com')).toBe(false);
    expect(mayOpenExternally(42)).toBe(false);
  });
});

describe('decidePermission', () => {
  const app = { requestingUrl: APP_START_URL, isMainFrame: true };
  it('lets our UI show notifications and write to the clipboard', () => {
    expect(decidePermission({ ...app, permission: 'notifications' })).toBe(true);
    expect(decidePermission({ ...app, permission: 'clipboard-sanitized-write' })).toBe(true);
    expect(decidePermission({ permission: 'notifications', requestingUrl: 'app://pchat', isMainFrame: true })).toBe(true);
  });
  it.each(['local-network-access', 'local-network', 'loopback-network'])('lets our UI reach a LAN/loopback server (%s)', (permission) => {
    expect(decidePermission({ ...app, permission })).toBe(true);
    expect(decidePermission({ permission, requestingUrl: 'https://addin.example.com/', isMainFrame: false })).toBe(false);
  });
  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midiSysex', 'hid', 'unknown'])(
    'denies %s even to our UI',
    (permission) => {
      expect(decidePermission({ ...app, permission })).toBe(false);
    },
  );
  it('denies everything to subframes (add-ins)', () => {
    expect(decidePermission({ permission: 'notifications', requestingUrl: APP_START_URL, isMainFrame: false })).toBe(false);
    expect(
      decidePermission({ permission: 'notifications', requestingUrl: 'https://addin.example.com/', isMainFrame: false }),
    ).toBe(false);
    expect(decidePermission({ permission: 'notifications', requestingUrl: undefined, isMainFrame: false })).toBe(false);
  });
  it('denies a top frame that is not ours', () => {
    expect(decidePermission({ permission: 'notifications', requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(decidePermission({ permission: 'notifications', requestingUrl: undefined, isMainFrame: true })).toBe(false);
  });
});
