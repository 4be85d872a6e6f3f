import { describe, expect, it } from 'vitest';
import { configPatchSchema, DEFAULT_CONFIG, parseConfigScope, resolveEffectiveConfig } from './config';

describe('DEFAULT_CONFIG', () => {
  it('matches the protocol defaults 30 / 20000 / 75 / "" / 8000', () => {
    expect(DEFAULT_CONFIG).toEqual({
      defaultChatHistory: 30,
      maxFileSizeKB: 20_000,
      participantUpdateLimit: 75,
      roomManagementUrl: '',
      maxMessageChars: 8_000,
    });
  });
});

describe('resolveEffectiveConfig', () => {
  it('takes pool over site over global, field by field', () => {
    const config = resolveEffectiveConfig({
      global: { defaultChatHistory: 50, maxFileSizeKB: 100 },
      site: { defaultChatHistory: 40, participantUpdateLimit: 10 },
      pool: { defaultChatHistory: 20 },
    });
    expect(config).toEqual({ ...DEFAULT_CONFIG, defaultChatHistory: 20, maxFileSizeKB: 100, participantUpdateLimit: 10 });
  });

  it('falls back to the defaults when nothing is set', () => {
    expect(resolveEffectiveConfig({})).toEqual(DEFAULT_CONFIG);
  });
});

describe('configPatchSchema', () => {
  it('accepts values in range and null (remove the field)', () => {
    expect(configPatchSchema.safeParse({ defaultChatHistory: 500, roomManagementUrl: '' }).success).toBe(true);
    expect(configPatchSchema.safeParse({ defaultChatHistory: null }).success).toBe(true);
    expect(configPatchSchema.safeParse({ roomManagementUrl: 'https://manage.example.com/rooms' }).success).toBe(true);
  });

  it.each([
    { defaultChatHistory: 0 },
    { defaultChatHistory: 501 },
    { defaultChatHistory: 2.5 },
    { maxFileSizeKB: 0 },
    { participantUpdateLimit: -1 },
    { roomManagementUrl: 'javascript:alert(1)' },
    { roomManagementUrl: 'ftp://example.com' },
    { unknownField: 1 },
  ])('refuses %o', (patch) => {
    expect(configPatchSchema.safeParse(patch).success).toBe(false);
  });
});

describe('parseConfigScope', () => {
  it('accepts global, site:<name> and pool:<name>', () => {
    expect(parseConfigScope('global')).toBe('global');
    expect(parseConfigScope('site:emea')).toBe('site:emea');
    expect(parseConfigScope('pool:pool-1.example')).toBe('pool:pool-1.example');
  });
  it.each(['', 'site:', 'pool:', 'site:a b', 'region:x', 'GLOBAL', 'site:../x'])('refuses %j', (scope) => {
    expect(parseConfigScope(scope)).toBeNull();
  });
});
