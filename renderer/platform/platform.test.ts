// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PchatBridge } from '../../common/ipc';
import { pickPlatform } from './index';
import { createWebPlatform } from './web';

afterEach(() => {
  localStorage.clear();
  delete window.pchat;
});

describe('web platform', () => {
  it('defaults the server to the page origin and keeps settings and tokens per server', async () => {
    const web = createWebPlatform(window);
    expect((await web.loadSettings()).serverUrl).toBe(window.location.origin);
    await web.saveSettings({ serverUrl: 'http://a.test', lastRoomId: 'r9' });
    expect(await web.loadSettings()).toEqual({ serverUrl: 'http://a.test', lastRoomId: 'r9', theme: 'system', language: null, notifyMentions: true, notifyAlerts: true });
    await web.saveSettings({ theme: 'dark', language: 'fr' });
    expect(await web.loadSettings()).toMatchObject({ theme: 'dark', language: 'fr', lastRoomId: 'r9' });
    await web.saveToken('http://a.test', 'ta');
    await web.saveToken('http://b.test', 'tb');
    expect(await web.loadToken('http://a.test')).toBe('ta');
    await web.saveToken('http://a.test', null);
    expect(await web.loadToken('http://a.test')).toBeNull();
    expect(await web.loadToken('http://b.test')).toBe('tb');
  });

  it('survives corrupt stored settings and opens only http(s) URLs', async () => {
    localStorage.setItem('pchat.settings', '{not json');
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const web = createWebPlatform(window);
    expect((await web.loadSettings()).lastRoomId).toBeNull();
    expect(await web.openExternal('javascript:alert(1)')).toBe(false);
    expect(await web.openExternal('https://example.org/')).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://example.org/', '_blank', 'noopener,noreferrer');
  });
});

describe('web notifications', () => {
  function withNotification(permission: NotificationPermission) {
    const shown: { title: string; body: string | undefined }[] = [];
    const requestPermission = vi.fn(() => Promise.resolve<NotificationPermission>('granted'));
    const Api = Object.assign(
      function FakeNotification(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      },
      { permission, requestPermission },
    );
    vi.stubGlobal('Notification', Api);
    return { shown, requestPermission };
  }
  afterEach(() => vi.unstubAllGlobals());

  it('notifies only once the user granted permission', () => {
    const denied = withNotification('default');
    createWebPlatform(window).notify('t', 'b');
    expect(denied.shown).toEqual([]);
    const granted = withNotification('granted');
    createWebPlatform(window).notify('Alice · Lobby', 'hi @bob');
    expect(granted.shown).toEqual([{ title: 'Alice · Lobby', body: 'hi @bob' }]);
  });

  it('asks for permission only while the user has not decided', () => {
    const undecided = withNotification('default');
    createWebPlatform(window).allowNotifications();
    expect(undecided.requestPermission).toHaveBeenCalledTimes(1);
    const refused = withNotification('denied');
    createWebPlatform(window).allowNotifications();
    expect(refused.requestPermission).not.toHaveBeenCalled();
  });
});

describe('platform choice', () => {
  it('is Electron exactly when the preload exposed window.pchat', async () => {
    expect(pickPlatform(window).kind).toBe('web');
    // Spread, so the literal fits PchatBridge whether or not it has grown the outbox methods.
    const notify = vi.fn(() => Promise.resolve());
    const outbox = { loadOutbox: () => Promise.resolve([]), saveOutbox: () => Promise.resolve(), notify };
    const setBadgeCount = vi.fn(() => Promise.resolve());
    let clicked: ((tag: string) => void) | null = null;
    const settings = {
      serverUrl: 'https://chat.example',
      lastRoomId: null,
      theme: 'dark',
      language: 'fr',
      notifyMentions: true,
      notifyAlerts: false,
    } as const;
    const bridge: PchatBridge = {
      setBadgeCount,
      onNotificationClick: (listener) => {
        clicked = listener;
        return () => undefined;
      },
      ...outbox,
      onPermalink: () => () => undefined,
      loadDrafts: () => Promise.resolve({}),
      saveDrafts: () => Promise.resolve(),
      appVersion: () => Promise.resolve('9.9.9'),
      getSettings: () => Promise.resolve(settings),
      setSettings: () => Promise.resolve(),
      getToken: (server) => Promise.resolve(`token-for-${server}`),
      setToken: () => Promise.resolve(),
      openExternal: () => Promise.resolve(true),
    };
    window.pchat = bridge;
    const electron = pickPlatform(window);
    expect(electron.kind).toBe('electron');
    expect(await electron.loadSettings()).toEqual(settings);
    expect(await electron.loadToken('https://chat.example')).toBe('token-for-https://chat.example');
    electron.notify('Alice · Lobby', 'hi @bob');
    expect(notify).toHaveBeenCalledWith('Alice · Lobby', 'hi @bob');
    // A notification with a click handler sends a tag; the tag coming back runs the handler once.
    const opened = vi.fn();
    electron.notify('Alice · Lobby', 'hi @bob', opened);
    const tag = (notify.mock.calls.at(-1) as unknown as [string, string, string])[2];
    expect(typeof tag).toBe('string');
    (clicked as ((tag: string) => void) | null)?.(tag);
    (clicked as ((tag: string) => void) | null)?.(tag);
    expect(opened).toHaveBeenCalledTimes(1);
    electron.setBadgeCount(3);
    expect(setBadgeCount).toHaveBeenCalledWith(3);
  });
});
