import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    // A reversible stand-in for the OS keyring: enough to see the token never lands in clear.
    encryptString: vi.fn((plain: string) => Buffer.from(`enc:${[...plain].reverse().join('')}`)),
    decryptString: vi.fn((buffer: Buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
      return [...text.slice(4)].reverse().join('');
    }),
  },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

// electron-store itself needs a running Electron app; this stand-in records what we ask of it.
const storeOptions = vi.hoisted(() => [] as unknown[]);
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = { serverUrl: 'https://from-disk.example' };
    constructor(options: unknown) {
      storeOptions.push(options);
    }
  },
}));

import type { StoredSettings } from './settings-migrations';
import type { SettingsBackend } from './settings-store';
import { DEFAULT_SERVER_URL, SettingsStore, defaultServerUrl, openSettingsStore, serverKey } from './settings-store';

function memoryBackend(initial: unknown = undefined): SettingsBackend & { written: StoredSettings[] } {
  const written: StoredSettings[] = [];
  return {
    written,
    read: () => initial,
    write: (data) => {
      written.push(structuredClone(data));
    },
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.safeStorage.isEncryptionAvailable.mockReturnValue(true);
  electron.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

describe('defaults', () => {
  it('uses PCHAT_SERVER_URL, else the local server', () => {
    expect(defaultServerUrl({})).toBe(DEFAULT_SERVER_URL);
    expect(DEFAULT_SERVER_URL).toBe('http://127.0.0.1:4100');
    expect(defaultServerUrl({ PCHAT_SERVER_URL: 'http://127.0.0.1:4321/' })).toBe('http://127.0.0.1:4321');
    expect(defaultServerUrl({ PCHAT_SERVER_URL: 'javascript:alert(1)' })).toBe(DEFAULT_SERVER_URL);
  });

  it('answers defaults on a fresh profile and writes the migrated file once', () => {
    const backend = memoryBackend();
    const store = new SettingsStore(backend, { PCHAT_SERVER_URL: 'http://127.0.0.1:5000' });
    expect(store.getClientSettings()).toEqual({ serverUrl: 'http://127.0.0.1:5000', lastRoomId: null, theme: 'system', language: null, notifyMentions: true, notifyAlerts: true });
    expect(store.getWindowBounds()).toBeNull();
    expect(backend.written).toHaveLength(1);
    expect(backend.written[0]!.schemaVersion).toBe(1);
  });

  it('prefers a saved server URL over the default', () => {
    const store = new SettingsStore(memoryBackend({ serverUrl: 'https://chat.example.com' }), { PCHAT_SERVER_URL: 'http://x.example' });
    expect(store.getClientSettings().serverUrl).toBe('https://chat.example.com');
  });
});

describe('client settings and bounds', () => {
  it('saves a patch', () => {
    const backend = memoryBackend();
    const store = new SettingsStore(backend, {});
    store.setClientSettings({ serverUrl: 'https://chat.example.com', lastRoomId: 'room-7' });
    expect(store.getClientSettings()).toEqual({ serverUrl: 'https://chat.example.com', lastRoomId: 'room-7', theme: 'system', language: null, notifyMentions: true, notifyAlerts: true });
    expect(backend.written.at(-1)).toMatchObject({ serverUrl: 'https://chat.example.com', lastRoomId: 'room-7' });
    store.setClientSettings({ lastRoomId: null });
    expect(store.getClientSettings().lastRoomId).toBeNull();
  });

  it.each(['file:///etc', 'javascript:alert(1)', 'https://u:p@x.example', 'chat.example.com'])('refuses server URL %s', (url) => {
    const store = new SettingsStore(memoryBackend(), {});
    expect(() => store.setClientSettings({ serverUrl: url })).toThrow('invalid_server_url');
  });

  it('keeps valid window bounds and ignores nonsense', () => {
    const store = new SettingsStore(memoryBackend(), {});
    store.setWindowBounds({ x: 5, y: 6, width: 900, height: 600, maximized: true });
    expect(store.getWindowBounds()).toEqual({ x: 5, y: 6, width: 900, height: 600, maximized: true });
    store.setWindowBounds({ x: 5, y: 6, width: Number.NaN, height: 600, maximized: false });
    expect(store.getWindowBounds()?.width).toBe(900);
  });
});

describe('tokens', () => {
  it('stores tokens encrypted (base64), per server, and reads them back', () => {
    const backend = memoryBackend();
    const store = new SettingsStore(backend, {});
    store.setToken('http://127.0.0.1:4100/', 'secret-token');
    expect(electron.safeStorage.encryptString).toHaveBeenCalledWith('secret-token');
    const saved = backend.written.at(-1)!.tokens;
    expect(Object.keys(saved)).toEqual(['http://127.0.0.1:4100']);
    expect(JSON.stringify(backend.written)).not.toContain('secret-token');
    expect(Buffer.from(saved['http://127.0.0.1:4100']!, 'base64').toString()).toMatch(/^enc:/);
    expect(store.getToken('http://127.0.0.1:4100')).toBe('secret-token');
    expect(store.getToken('https://other.example')).toBeNull();
  });

  it('survives a restart through the backend', () => {
    const first = memoryBackend();
    new SettingsStore(first, {}).setToken('https://chat.example.com', 'tok');
    const second = new SettingsStore(memoryBackend(first.written.at(-1)), {});
    expect(second.getToken('https://chat.example.com')).toBe('tok');
  });

  it('removes a token', () => {
    const backend = memoryBackend();
    const store = new SettingsStore(backend, {});
    store.setToken('https://chat.example.com', 'tok');
    store.setToken('https://chat.example.com', null);
    expect(store.getToken('https://chat.example.com')).toBeNull();
    expect(backend.written.at(-1)!.tokens).toEqual({});
  });

  it('forgets a token it cannot decrypt', () => {
    const backend = memoryBackend({ tokens: { 'https://chat.example.com': Buffer.from('garbage').toString('base64') } });
    const store = new SettingsStore(backend, {});
    expect(store.getToken('https://chat.example.com')).toBeNull();
    expect(backend.written.at(-1)!.tokens).toEqual({});
  });

  function expectMemoryOnly(): void {
    const backend = memoryBackend();
    const store = new SettingsStore(backend, {});
    store.setToken('https://chat.example.com', 'plain-secret');
    expect(store.getToken('https://chat.example.com')).toBe('plain-secret');
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled();
    expect(JSON.stringify(backend.written)).not.toContain('plain-secret');
    // A restart forgets it: the user signs in again.
    expect(new SettingsStore(memoryBackend(backend.written.at(-1)), {}).getToken('https://chat.example.com')).toBeNull();
  }

  it('keeps the token in memory only when encryption is unavailable', () => {
    electron.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expectMemoryOnly();
  });

  it.skipIf(process.platform !== 'linux')('keeps the token in memory only when Linux offers only basic_text', () => {
    electron.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expectMemoryOnly();
  });

  it('normalises server keys', () => {
    expect(serverKey('https://chat.example.com/')).toBe('https://chat.example.com');
    expect(serverKey('https://chat.example.com/pchat/')).toBe('https://chat.example.com/pchat');
    expect(serverKey('HTTPS://Chat.Example.com:443')).toBe('https://chat.example.com');
  });
});

describe('openSettingsStore', () => {
  it('opens settings.json through electron-store without dot-paths', () => {
    const store = openSettingsStore();
    expect(storeOptions.at(-1)).toMatchObject({ name: 'settings', accessPropertiesByDotNotation: false, clearInvalidConfig: true });
    expect(store.getClientSettings().serverUrl).toBe('https://from-disk.example');
  });
});
