// An in-memory host for unit tests: records what the UI asked for so tests can assert on it.
import type { ClientSettings, Platform } from './platform';

export interface FakePlatform extends Platform {
  settings: ClientSettings;
  tokens: Map<string, string>;
  opened: string[];
}

export function createFakePlatform(initial: Partial<ClientSettings> = {}, tokens: Record<string, string> = {}): FakePlatform {
  const fake: FakePlatform = {
    kind: 'web',
    settings: { serverUrl: 'http://pchat.test', lastRoomId: null, ...initial },
    tokens: new Map(Object.entries(tokens)),
    opened: [],
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
  };
  return fake;
}
