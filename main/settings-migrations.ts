// The on-disk shape of the desktop settings and how older files are brought up to it. Pure (no
// Electron): main/settings-store.ts reads the raw file, runs `migrateSettings`, writes it back.
// A field that fails validation falls back to its default instead of failing the start-up: a
// hand-edited or half-written file must never keep the app from opening.
import { z } from 'zod';

export const SETTINGS_SCHEMA_VERSION = 1;

export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(150).max(20000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/** Everything the desktop app keeps in `<userData>/settings.json`. */
export interface StoredSettings {
  schemaVersion: number;
  /** null = never chosen: the default (env PCHAT_SERVER_URL or the local server) applies. */
  serverUrl: string | null;
  lastRoomId: string | null;
  /** The Settings dialog's choices (renderer/platform/platform.ts ClientSettings). */
  theme: 'system' | 'light' | 'dark';
  language: 'en' | 'fr' | null;
  notifyMentions: boolean;
  notifyAlerts: boolean;
  windowBounds: WindowBounds | null;
  /** safeStorage-encrypted session tokens, base64, keyed by normalised server URL. */
  tokens: Record<string, string>;
}

const fieldSchemas = {
  serverUrl: z.string().min(1).max(2000).nullable(),
  lastRoomId: z.string().max(200).nullable(),
  theme: z.enum(['system', 'light', 'dark']),
  language: z.enum(['en', 'fr']).nullable(),
  notifyMentions: z.boolean(),
  notifyAlerts: z.boolean(),
  windowBounds: windowBoundsSchema.nullable(),
  tokens: z.record(z.string().max(2000), z.string().max(20000)),
} as const;

export function defaultStoredSettings(): StoredSettings {
  // Fields added later need no migration step: a file without them validates to these defaults.
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    serverUrl: null,
    lastRoomId: null,
    theme: 'system',
    language: null,
    notifyMentions: true,
    notifyAlerts: true,
    windowBounds: null,
    tokens: {},
  };
}

type RawSettings = Record<string, unknown>;
/** Migration N turns a version N-1 file into a version N file. */
export type SettingsMigrations = Readonly<Record<number, (data: RawSettings) => RawSettings>>;

export const settingsMigrations: SettingsMigrations = {
  // 0 → 1: a file without `schemaVersion` (written before versioning, or by hand). Its fields
  // already have today's names; validation below keeps the good ones and drops the rest.
  1: (data) => ({ ...data }),
};

/** Applies every migration above `from` up to `to`, in order. */
export function runMigrations(data: RawSettings, from: number, to: number, migrations: SettingsMigrations): RawSettings {
  let current = data;
  for (let version = from + 1; version <= to; version += 1) {
    const migrate = migrations[version];
    if (migrate) current = migrate(current);
  }
  return current;
}

function versionOf(data: RawSettings): number {
  const version = data.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** Raw file contents (anything) → valid settings at the current version. */
export function migrateSettings(raw: unknown, migrations: SettingsMigrations = settingsMigrations): StoredSettings {
  const data: RawSettings = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as RawSettings) } : {};
  const from = versionOf(data);
  // A file from a newer build (after a downgrade) is read as it is: its known fields are still
  // validated one by one, and its version is kept so the newer build does not migrate it twice.
  const migrated = from < SETTINGS_SCHEMA_VERSION ? runMigrations(data, from, SETTINGS_SCHEMA_VERSION, migrations) : data;
  const defaults = defaultStoredSettings();
  const pick = <K extends keyof typeof fieldSchemas>(key: K): StoredSettings[K] => {
    const parsed = fieldSchemas[key].safeParse(migrated[key]);
    return (parsed.success ? parsed.data : defaults[key]) as StoredSettings[K];
  };
  return {
    schemaVersion: Math.max(from, SETTINGS_SCHEMA_VERSION),
    serverUrl: pick('serverUrl'),
    lastRoomId: pick('lastRoomId'),
    theme: pick('theme'),
    language: pick('language'),
    notifyMentions: pick('notifyMentions'),
    notifyAlerts: pick('notifyAlerts'),
    windowBounds: pick('windowBounds'),
    tokens: pick('tokens'),
  };
}
