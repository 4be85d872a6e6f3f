// Configuration scopes (PROTOCOL.md §5, §9.1): global, site:<name>, pool:<name>, resolved field by
// field for this server's site and pool. The effective config is cached and recomputed on every
// change, which announces `config:changed` when it differs.
import type { ConfigPatch, ConfigScope } from '../../common/config';
import { CONFIG_FIELDS, resolveEffectiveConfig } from '../../common/config';
import type { ConfigEntry, EffectiveConfig } from '../domain';
import { AppError } from '../errors';
import type { Storage } from '../storage/repositories';
import type { DomainEventBus } from './events';

export type ScopedEntry = { scope: string } & ConfigEntry;

export class ConfigService {
  private effective: EffectiveConfig = resolveEffectiveConfig({});

  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    readonly site: string,
    readonly pool: string,
  ) {}

  get current(): EffectiveConfig {
    return this.effective;
  }

  async load(): Promise<void> {
    this.effective = await this.compute();
  }

  async list(): Promise<{ entries: ScopedEntry[]; effective: EffectiveConfig }> {
    const entries = await this.storage.config.list();
    return { entries: entries.map((e) => ({ scope: e.scope, ...e.fields })), effective: this.effective };
  }

  async put(scope: ConfigScope, patch: ConfigPatch): Promise<ScopedEntry> {
    const entry: Record<string, unknown> = { ...((await this.storage.config.get(scope)) ?? {}) };
    for (const field of CONFIG_FIELDS) {
      const value = patch[field];
      if (value === undefined) continue;
      if (value === null) delete entry[field];
      else entry[field] = value;
    }
    await this.storage.config.put(scope, entry, new Date().toISOString());
    this.events.emit('config:stored');
    await this.refresh();
    return { scope, ...(entry as ConfigEntry) };
  }

  async delete(scope: ConfigScope): Promise<void> {
    if (scope === 'global') throw new AppError('bad_request', 'the global entry cannot be deleted');
    // Deleting an entry that is not there is already done: answer as if it were.
    await this.storage.config.delete(scope);
    this.events.emit('config:stored');
    await this.refresh();
  }

  /**
   * Other servers sharing this store may change the configuration too (§5: every server whose
   * effective configuration changed tells its clients). With the cluster link they say so
   * (server/socket/cluster-sync.ts calls refresh()); servers that share a store without it
   * re-read it now and then, one small query each time.
   */
  watch(intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
    // One re-read at a time, and stopping waits for the one in flight: the caller closes the
    // database next, and a read landing after that would fail for nothing.
    let inFlight: Promise<void> | null = null;
    const timer = setInterval(() => {
      inFlight ??= this.refresh()
        .catch(onError)
        .finally(() => {
          inFlight = null;
        });
    }, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await inFlight;
    };
  }

  private async compute(): Promise<EffectiveConfig> {
    const entries = new Map((await this.storage.config.list()).map((e) => [e.scope, e.fields]));
    return resolveEffectiveConfig({ global: entries.get('global'), site: entries.get(`site:${this.site}`), pool: entries.get(`pool:${this.pool}`) });
  }

  /** Re-reads the store and announces `config:changed` when this server's effective config changed. */
  async refresh(): Promise<void> {
    const previous = this.effective;
    const next = await this.compute();
    this.effective = next;
    if (CONFIG_FIELDS.some((field) => previous[field] !== next[field])) this.events.emit('config:changed', next, previous);
  }
}
