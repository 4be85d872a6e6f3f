// The plain-browser host: the server serves this renderer at `/`, so the server defaults to the
// page's own origin. Settings and the token live in localStorage, keyed per server so signing in
// to a second server never reuses the first one's token.
import { isAllowedWebUrl } from '../../common/url-policy';
import { DEFAULT_PREFERENCES, THEME_CHOICES, type ClientSettings, type Platform } from './platform';
import { localStorageDrafts } from './web-drafts';
import { createIndexedDbOutbox, localStorageOutbox } from './web-outbox';

// The web build has no package metadata at run time; kept in step with package.json by hand.
const APP_VERSION = '0.1.0';
const SETTINGS_KEY = 'pchat.settings';
const TOKEN_PREFIX = 'pchat.token:';

function readSettings(storage: Storage): Partial<ClientSettings> {
  try {
    const raw = storage.getItem(SETTINGS_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const record = parsed as Record<string, unknown>;
    const result: Partial<ClientSettings> = {};
    if (typeof record.serverUrl === 'string') result.serverUrl = record.serverUrl;
    if (typeof record.lastRoomId === 'string' || record.lastRoomId === null) result.lastRoomId = record.lastRoomId;
    const theme = THEME_CHOICES.find((choice) => choice === record.theme);
    if (theme) result.theme = theme;
    if (record.language === 'en' || record.language === 'fr' || record.language === null) result.language = record.language;
    if (typeof record.notifyMentions === 'boolean') result.notifyMentions = record.notifyMentions;
    if (typeof record.notifyAlerts === 'boolean') result.notifyAlerts = record.notifyAlerts;
    return result;
  } catch {
    // A corrupt entry must not keep the user out: fall back to defaults.
    return {};
  }
}

/** The Notification API where the browser has one (not in every context, e.g. some webviews). */
function notificationApi(win: Window): typeof Notification | undefined {
  const api = (win as Window & { Notification?: typeof Notification }).Notification;
  return typeof api === 'function' ? api : undefined;
}

export function createWebPlatform(win: Window = window): Platform {
  const storage = win.localStorage;
  const defaultServer = /^https?:$/.test(win.location.protocol) ? win.location.origin : '';
  return {
    kind: 'web',
    appVersion: () => Promise.resolve(APP_VERSION),
    loadSettings: () => {
      const stored = readSettings(storage);
      return Promise.resolve({
        ...DEFAULT_PREFERENCES,
        ...stored,
        serverUrl: stored.serverUrl || defaultServer,
        lastRoomId: stored.lastRoomId ?? null,
      });
    },
    saveSettings: (patch) => {
      storage.setItem(SETTINGS_KEY, JSON.stringify({ ...readSettings(storage), ...patch }));
      return Promise.resolve();
    },
    loadToken: (serverUrl) => Promise.resolve(storage.getItem(TOKEN_PREFIX + serverUrl)),
    saveToken: (serverUrl, token) => {
      if (token === null) storage.removeItem(TOKEN_PREFIX + serverUrl);
      else storage.setItem(TOKEN_PREFIX + serverUrl, token);
      return Promise.resolve();
    },
    openExternal: (url) => {
      if (!isAllowedWebUrl(url)) return Promise.resolve(false);
      win.open(url, '_blank', 'noopener,noreferrer');
      return Promise.resolve(true);
    },
    outbox: win.indexedDB
      ? createIndexedDbOutbox(win.indexedDB, localStorageOutbox(storage))
      : localStorageOutbox(storage),
    drafts: localStorageDrafts(storage),
    // The server serves this client at /r/<roomId>/<seq> too (server/http/web-routes.ts).
    onPermalink: (listener) => {
      const path = win.location.pathname;
      if (path.startsWith('/r/')) queueMicrotask(() => listener(path));
      return () => undefined;
    },
    notify: (title, body, onClick) => {
      const api = notificationApi(win);
      if (api?.permission !== 'granted') return;
      const shown = new api(title, { body });
      if (onClick) {
        shown.onclick = () => {
          win.focus();
          onClick();
          shown.close();
        };
      }
    },
    // A browser tab has no dock icon: the tab title carries the count (app/use-attention-title.ts).
    setBadgeCount: () => undefined,
    allowNotifications: () => {
      const api = notificationApi(win);
      if (api?.permission === 'default') void api.requestPermission();
    },
  };
}
