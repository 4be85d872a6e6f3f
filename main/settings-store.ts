// The desktop app's own state (DESIGN §7: electron-store, never SQLite inside Electron): server
// URL, last room, window bounds, and session tokens encrypted with safeStorage. The renderer
// reaches it only through main/ipc/settings.ts.
import { safeStorage } from 'electron';
import { type JsonStoreFile, openJsonStoreFile } from './json-store-file';
import type { IpcResults } from '../common/ipc';
import { isAllowedWebUrl } from '../common/url-policy';
import type { StoredSettings, WindowBounds } from './settings-migrations';
import { migrateSettings, windowBoundsSchema } from './settings-migrations';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4100';

/** What the renderer reads and writes (common/ipc.ts clientSettingsSchema). */
export type ClientSettings = IpcResults['settings:get'];

/** Where the settings live: the whole document is read and written at once. */
export type SettingsBackend = JsonStoreFile<StoredSettings>;

/** `npm start` passes the embedded server's URL in PCHAT_SERVER_URL; it is only a default. */
export function defaultServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PCHAT_SERVER_URL?.trim();
  return fromEnv && isAllowedWebUrl(fromEnv) ? fromEnv.replace(/\/+$/, '') : DEFAULT_SERVER_URL;
}

/** One token per server: "http://host:4100/" and "http://host:4100" are the same server. */
export function serverKey(serverUrl: string): string {
  try {
    const url = new URL(serverUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return serverUrl;
  }
}

/**
 * True when safeStorage really protects data. On Linux without a keyring Electron falls back to
 * "basic_text", which encrypts with a constant password: that is plain text in disguise.
 */
export function canEncrypt(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
  return true;
}

export class SettingsStore {
  private data: StoredSettings;
  // Tokens we could not encrypt live here for this run only (see setToken).
  private readonly memoryTokens = new Map<string, string>();

  constructor(
    private readonly backend: SettingsBackend,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.data = migrateSettings(backend.read());
    backend.write(this.data);
  }

  getClientSettings(): ClientSettings {
    const { lastRoomId, theme, language, notifyMentions, notifyAlerts } = this.data;
    return { serverUrl: this.data.serverUrl ?? defaultServerUrl(this.env), lastRoomId, theme, language, notifyMentions, notifyAlerts };
  }

  /** Throws `invalid_server_url` for anything but a plain http/https URL. */
  setClientSettings(patch: Partial<ClientSettings>): void {
    const next = { ...this.data };
    if (patch.serverUrl !== undefined) {
      if (!isAllowedWebUrl(patch.serverUrl)) throw new Error('invalid_server_url');
      next.serverUrl = patch.serverUrl;
    }
    if (patch.lastRoomId !== undefined) next.lastRoomId = patch.lastRoomId;
    if (patch.theme !== undefined) next.theme = patch.theme;
    if (patch.language !== undefined) next.language = patch.language;
    if (patch.notifyMentions !== undefined) next.notifyMentions = patch.notifyMentions;
    if (patch.notifyAlerts !== undefined) next.notifyAlerts = patch.notifyAlerts;
    this.save(next);
  }

  getWindowBounds(): WindowBounds | null {
    return this.data.windowBounds;
  }

  setWindowBounds(bounds: WindowBounds): void {
    const parsed = windowBoundsSchema.safeParse(bounds);
    if (parsed.success) this.save({ ...this.data, windowBounds: parsed.data });
  }

  getToken(serverUrl: string): string | null {
    const key = serverKey(serverUrl);
    const memory = this.memoryTokens.get(key);
    if (memory !== undefined) return memory;
    const stored = this.data.tokens[key];
    if (stored === undefined || !canEncrypt()) return null;
    try {
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      // Encrypted by another user/keyring or corrupted: useless, so forget it; the user signs in again.
      this.dropStoredToken(key);
      return null;
    }
  }

  setToken(serverUrl: string, token: string | null): void {
    const key = serverKey(serverUrl);
    this.memoryTokens.delete(key);
    if (token === null) {
      this.dropStoredToken(key);
      return;
    }
    if (!canEncrypt()) {
      // No OS keyring (or only Linux's "basic_text"): writing the token would leave a working
      // credential readable by anything that can read the profile. Keep it for this run only;
      // the user signs in again after a restart, which is the safe trade.
      this.memoryTokens.set(key, token);
      this.dropStoredToken(key);
      return;
    }
    const encrypted = safeStorage.encryptString(token).toString('base64');
    this.save({ ...this.data, tokens: { ...this.data.tokens, [key]: encrypted } });
  }

  private dropStoredToken(key: string): void {
    if (!(key in this.data.tokens)) return;
    const tokens = { ...this.data.tokens };
    delete tokens[key];
    this.save({ ...this.data, tokens });
  }

  private save(next: StoredSettings): void {
    this.data = next;
    this.backend.write(next);
  }
}

export function openSettingsStore(): SettingsStore {
  return new SettingsStore(openJsonStoreFile<StoredSettings>('settings'));
}
