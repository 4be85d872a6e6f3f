// How long sessions live (PROTOCOL.md §10): `sessionIdleMinutes` after the last use and
// `sessionMaxMinutes` after sign-in, whichever comes first. Both are fields of the `global`
// configuration entry, stored beside the EffectiveConfig fields (ConfigService keeps fields it
// does not know when it merges), and read here with a short cache so that a change made on
// another server applies within about a second without a query per request.
import { SESSION_CONFIG_DEFAULTS, SESSION_CONFIG_FIELDS, type SessionConfig, type SessionConfigPatch } from '../../common/session-api';
import type { ConfigRepository } from '../storage/repositories';

const MINUTE_MS = 60_000;
const CACHE_MS = 1000;

export interface SessionTimes {
  /** Milliseconds since the epoch. */
  createdAt: number;
  lastUsedAt: number;
}

/** When a session stops working under `config`: the earlier of its idle and absolute limits. */
export function sessionExpiresAt(times: SessionTimes, config: SessionConfig): number {
  return Math.min(times.lastUsedAt + config.sessionIdleMinutes * MINUTE_MS, times.createdAt + config.sessionMaxMinutes * MINUTE_MS);
}

function fromEntry(entry: Record<string, unknown> | undefined): SessionConfig {
  const config: SessionConfig = { ...SESSION_CONFIG_DEFAULTS };
  for (const field of SESSION_CONFIG_FIELDS) {
    const value = entry?.[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1) config[field] = value;
  }
  return config;
}

export class SessionPolicy {
  private cached: SessionConfig = { ...SESSION_CONFIG_DEFAULTS };
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<SessionConfig> | null = null;

  constructor(
    private readonly config: ConfigRepository,
    private readonly now: () => number = Date.now,
  ) {}

  /** The limits as last read (at most about a second old while requests keep coming). */
  get known(): SessionConfig {
    return this.cached;
  }

  /** The limits, re-read from the store when the cached copy is older than a second. */
  current(): Promise<SessionConfig> {
    if (this.now() - this.readAt < CACHE_MS) return Promise.resolve(this.cached);
    this.reading ??= this.read().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  /** Merges the session fields into the global entry; `null` returns a field to its default. */
  async put(patch: SessionConfigPatch): Promise<SessionConfig> {
    const entry: Record<string, unknown> = { ...((await this.config.get('global')) ?? {}) };
    for (const field of SESSION_CONFIG_FIELDS) {
      const value = patch[field];
      if (value === undefined) continue;
      if (value === null) delete entry[field];
      else entry[field] = value;
    }
    await this.config.put('global', entry, new Date(this.now()).toISOString());
    this.cached = fromEntry(entry);
    this.readAt = this.now();
    return this.cached;
  }

  private async read(): Promise<SessionConfig> {
    const entry = (await this.config.get('global')) as Record<string, unknown> | undefined;
    this.cached = fromEntry(entry);
    this.readAt = this.now();
    return this.cached;
  }
}
