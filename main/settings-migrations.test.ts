import { describe, expect, it } from 'vitest';
import { SETTINGS_SCHEMA_VERSION, defaultStoredSettings, migrateSettings, runMigrations } from './settings-migrations';

const bounds = { x: 10, y: 20, width: 1000, height: 700, maximized: false };

describe('migrateSettings', () => {
  it('gives defaults for an empty or absent file', () => {
    expect(migrateSettings(undefined)).toEqual(defaultStoredSettings());
    expect(migrateSettings({})).toEqual(defaultStoredSettings());
    expect(migrateSettings('garbage')).toEqual(defaultStoredSettings());
    expect(migrateSettings([1, 2])).toEqual(defaultStoredSettings());
    expect(defaultStoredSettings()).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      serverUrl: null,
      lastRoomId: null,
      theme: 'system',
      language: null,
      notifyMentions: true,
      notifyAlerts: true,
      windowBounds: null,
      tokens: {},
    });
  });

  it('brings an unversioned file to the current version and keeps its valid fields', () => {
    const migrated = migrateSettings({ serverUrl: 'https://chat.example.com', lastRoomId: 'r1', windowBounds: bounds });
    expect(migrated).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      serverUrl: 'https://chat.example.com',
      lastRoomId: 'r1',
      theme: 'system',
      language: null,
      notifyMentions: true,
      notifyAlerts: true,
      windowBounds: bounds,
      tokens: {},
    });
  });

  it('replaces each invalid field by its default, keeping the others', () => {
    const migrated = migrateSettings({
      schemaVersion: 1,
      serverUrl: 42,
      lastRoomId: 'r2',
      windowBounds: { x: 0, y: 0, width: 10, height: 10, maximized: false },
      tokens: { 'http://a': 7 },
      theme: 'blue',
      language: 'fr',
      notifyAlerts: 'yes',
      unknownKey: true,
    });
    expect(migrated).toEqual({
      schemaVersion: 1,
      serverUrl: null,
      lastRoomId: 'r2',
      theme: 'system',
      language: 'fr',
      notifyMentions: true,
      notifyAlerts: true,
      windowBounds: null,
      tokens: {},
    });
  });

  it('keeps a newer version number (after a downgrade) but still validates the fields', () => {
    const migrated = migrateSettings({ schemaVersion: 99, serverUrl: 'https://x.example', lastRoomId: ['bad'] });
    expect(migrated.schemaVersion).toBe(99);
    expect(migrated.serverUrl).toBe('https://x.example');
    expect(migrated.lastRoomId).toBeNull();
  });

  it('treats a nonsense version as 0 and migrates', () => {
    expect(migrateSettings({ schemaVersion: -3 }).schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    expect(migrateSettings({ schemaVersion: '1' }).schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
  });

  it('runs the migrations it is given', () => {
    const migrated = migrateSettings({ server: 'https://renamed.example' }, { 1: (d) => ({ serverUrl: d.server }) });
    expect(migrated.serverUrl).toBe('https://renamed.example');
  });
});

describe('runMigrations', () => {
  it('applies the steps above `from` in order and skips missing ones', () => {
    const steps: string[] = [];
    const migrations = {
      1: (d: Record<string, unknown>) => (steps.push('1'), { ...d, a: 1 }),
      3: (d: Record<string, unknown>) => (steps.push('3'), { ...d, b: d.a }),
    };
    expect(runMigrations({}, 0, 3, migrations)).toEqual({ a: 1, b: 1 });
    expect(steps).toEqual(['1', '3']);
    expect(runMigrations({ a: 5 }, 1, 3, migrations)).toEqual({ a: 5, b: 5 });
    expect(runMigrations({ z: 0 }, 3, 3, migrations)).toEqual({ z: 0 });
  });
});
