// Configuration defaults, ranges and scope resolution (PROTOCOL.md §5, §7, §9.1).
// Both sides use this: the server to resolve and validate, the client to know the defaults.
import { z } from 'zod';
import type { EffectiveConfig } from './protocol';
import { isAllowedWebUrl } from './url-policy';

export const DEFAULT_CONFIG: Readonly<EffectiveConfig> = Object.freeze({
  defaultChatHistory: 30,
  maxFileSizeKB: 20_000,
  participantUpdateLimit: 75,
  roomManagementUrl: '',
  maxMessageChars: 8_000,
});

export const CONFIG_FIELDS = Object.keys(DEFAULT_CONFIG) as (keyof EffectiveConfig)[];

const roomManagementUrl = z
  .string()
  .max(2000)
  .refine((url) => url === '' || isAllowedWebUrl(url), {
    message: 'roomManagementUrl must be empty or an http/https URL',
  });

/** One field of a config entry; `null` on a site/pool entry removes the field (§9.1). */
export const configFieldSchemas = {
  defaultChatHistory: z.number().int().min(1).max(500),
  maxFileSizeKB: z.number().int().min(1).max(100_000_000),
  participantUpdateLimit: z.number().int().min(1).max(1_000_000),
  roomManagementUrl,
  maxMessageChars: z.number().int().min(1).max(100_000),
} as const;

export const configPatchSchema = z
  .object({
    defaultChatHistory: configFieldSchemas.defaultChatHistory.nullable(),
    maxFileSizeKB: configFieldSchemas.maxFileSizeKB.nullable(),
    participantUpdateLimit: configFieldSchemas.participantUpdateLimit.nullable(),
    roomManagementUrl: configFieldSchemas.roomManagementUrl.nullable(),
    maxMessageChars: configFieldSchemas.maxMessageChars.nullable(),
  })
  .partial()
  .strict();
export type ConfigPatch = z.infer<typeof configPatchSchema>;

/** A stored entry: only the fields that scope sets. */
export type ConfigEntry = Partial<EffectiveConfig>;

export type ConfigScope = 'global' | `site:${string}` | `pool:${string}`;

const SCOPE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function parseConfigScope(scope: string): ConfigScope | null {
  if (scope === 'global') return 'global';
  const match = /^(site|pool):(.+)$/.exec(scope);
  if (!match || !SCOPE_NAME.test(match[2]!)) return null;
  return scope as ConfigScope;
}

/** Pool over site over global over the defaults, field by field (§5). */
export function resolveEffectiveConfig(entries: {
  global?: ConfigEntry;
  site?: ConfigEntry;
  pool?: ConfigEntry;
}): EffectiveConfig {
  const result: EffectiveConfig = { ...DEFAULT_CONFIG };
  for (const layer of [entries.global, entries.site, entries.pool]) {
    if (!layer) continue;
    for (const field of CONFIG_FIELDS) {
      const value = layer[field];
      if (value !== undefined && value !== null) Object.assign(result, { [field]: value });
    }
  }
  return result;
}
