// An in-memory host for unit tests: records what the UI asked for so tests can assert on it.
import type { OutboxEntry } from '../../common/outbox';
import { DEFAULT_PREFERENCES, type ClientSettings, type Platform } from './platform';

export interface FakePlatform extends Platform {
  settings: ClientSettings;
  tokens: Map<string, string>;
  opened: string[];
  /** Saved outboxes per account, and every save in order (tests check "persisted before sent"). */
  outboxes: Map<string, OutboxEntry[]>;
  outboxSaves: { account: string; entries: OutboxEntry[] }[];
  /** Saved composer drafts per account. */
  drafts: Platform['drafts'] & { saved: Map<string, Record<string, string>> };
  /** Hands a permalink path to whoever listens (as a pchat:// link or the page address would). */
  openPermalink(path: string): void;
  notifications: { title: string; body: string; onClick?: () => void }[];
  notificationsAllowed: boolean;
  badgeCounts: number[];
}

export function createFakePlatform(initial: Partial<ClientSettings> = {}, tokens: Record<string, string> = {}): FakePlatform {
  const permalinkListeners = new Set<(path: string) => void>();
  const fake: FakePlatform = {
    kind: 'web',
    settings: { serverUrl: 'http://pchat.test', lastRoomId: null, ...DEFAULT_PREFERENCES, ...initial },
    tokens: new Map(Object.entries(tokens)),
    opened: [],
    outboxes: new Map(),
    outboxSaves: [],
    onPermalink: (listener) => {
      permalinkListeners.add(listener);
      return () => permalinkListeners.delete(listener);
    },
    openPermalink: (path) => {
      for (const listener of permalinkListeners) listener(path);
    },
    drafts: {
      saved: new Map(),
      load: (account) => Promise.resolve({ ...(fake.drafts.saved.get(account) ?? {}) }),
      save: (account, drafts) => {
        fake.drafts.saved.set(account, { ...drafts });
        return Promise.resolve();
      },
    },
    notifications: [],
    notificationsAllowed: false,
    badgeCounts: [],
    notify: (title, body, onClick) => {
      fake.notifications.push(onClick ? { title, body, onClick } : { title, body });
    },
    setBadgeCount: (count) => {
      fake.badgeCounts.push(count);
    },
    allowNotifications: () => {
      fake.notificationsAllowed = true;
    },
    appVersion: () => Promise.resolve('0.0.0-test'),
    loadSettings: () => Promise.resolve({ ...fake.settings }),
    saveSettings: (patch) => {
      fake.settings = { ...fake.settings, ...patch };
      return Promise.resolve();
    },
    loadToken: (serverUrl) => Promise.resolve(fake.tokens.get(serverUrl) ?? null),
    saveToken: (serverUrl, token) => {
      if (token === null) fake.tokens.delete(serverUrl);
      else fake.tokens.set(serverUrl, token);
      return Promise.resolve();
    },
    openExternal: (url) => {
      fake.opened.push(url);
      return Promise.resolve(true);
    },
    outbox: {
      load: (account) => Promise.resolve(JSON.parse(JSON.stringify(fake.outboxes.get(account) ?? [])) as OutboxEntry[]),
      save: (account, entries) => {
        const copy = JSON.parse(JSON.stringify(entries)) as OutboxEntry[];
        fake.outboxSaves.push({ account, entries: copy });
        if (copy.length === 0) fake.outboxes.delete(account);
        else fake.outboxes.set(account, copy);
        return Promise.resolve();
      },
    },
  };
  return fake;
}
