// Sessions and accounts over HTTP (PROTOCOL.md §10): bodies, answers and the two session limits.
// The limits are fields of the `global` configuration entry only; they are not part of
// EffectiveConfig, because a client has nothing to do with them.
import { z } from 'zod';
import type { User } from './protocol';

export const SESSION_CONFIG_DEFAULTS = Object.freeze({
  /** 14 days after the last use. */
  sessionIdleMinutes: 20_160,
  /** 90 days after sign-in. */
  sessionMaxMinutes: 129_600,
});
export type SessionConfig = { -readonly [K in keyof typeof SESSION_CONFIG_DEFAULTS]: number };
export const SESSION_CONFIG_FIELDS = Object.keys(SESSION_CONFIG_DEFAULTS) as (keyof SessionConfig)[];

/** About 1,900 years: large enough to mean "never", small enough that dates stay valid. */
const MAX_MINUTES = 1_000_000_000;
const minutes = z.number().int().min(1).max(MAX_MINUTES);

/** The session fields a PUT /api/admin/config/global may carry; `null` returns to the default. */
export const sessionConfigPatchSchema = z
  .object({ sessionIdleMinutes: minutes.nullable(), sessionMaxMinutes: minutes.nullable() })
  .partial();
export type SessionConfigPatch = z.infer<typeof sessionConfigPatchSchema>;

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  /** The session of the token that asked. */
  current: boolean;
}

export interface SessionsResponse {
  sessions: SessionInfo[];
}

const password = z.string().min(1).max(1000);

export const changePasswordBodySchema = z.object({ current: password, next: password });

/** What administrators see of a user: the User of §4 and whether the account is disabled. */
export interface AdminUser extends User {
  disabled: boolean;
}

export const updateUserBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    password,
    roles: z.array(z.enum(['admin', 'user'])).max(2),
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const userNameParamsSchema = z.object({ name: z.string().min(1).max(100) });

/** Separates the session fields of a config body from the EffectiveConfig ones. */
export function splitSessionFields(body: unknown): { session?: Record<string, unknown>; rest: unknown } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { rest: body };
  const session: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if ((SESSION_CONFIG_FIELDS as string[]).includes(key)) session[key] = value;
    else rest[key] = value;
  }
  return { session: Object.keys(session).length > 0 ? session : undefined, rest };
}
