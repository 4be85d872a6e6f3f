// What this server knows of the sessions in use, kept in memory so that using a session costs no
// database write (PROTOCOL.md §10 measures idle expiry from the last use). The store's
// last_used_at is moved forward at most once a minute per session, when memory is that far ahead;
// between writes, the time in memory is the one that counts here, and other servers read the
// store's (at most about a minute behind).
import type { SessionRecord } from '../storage/repositories';

/** The store is told of a use at most this often per session. */
export const TOUCH_INTERVAL_MS = 60_000;
/** Sessions not used for this long, with no socket here, are forgotten (the store still has them). */
const FORGET_AFTER_MS = 5 * 60_000;

export interface LiveSession {
  id: string;
  userId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  lastUsedAt: number;
  /** The last_used_at the store holds, as far as this server knows. */
  storedLastUsedAt: number;
}

export class SessionActivity {
  private readonly live = new Map<string, LiveSession>();

  /** Takes in what the store says of a session; the later of the two last uses wins. */
  merge(record: SessionRecord): LiveSession {
    const stored = Date.parse(record.lastUsedAt);
    const known = this.live.get(record.tokenHash);
    if (known) {
      known.lastUsedAt = Math.max(known.lastUsedAt, stored);
      known.storedLastUsedAt = Math.max(known.storedLastUsedAt, stored);
      return known;
    }
    const entry: LiveSession = { id: record.id, userId: record.userId, createdAt: Date.parse(record.createdAt), lastUsedAt: stored, storedLastUsedAt: stored };
    this.live.set(record.tokenHash, entry);
    return entry;
  }

  get(tokenHash: string): LiveSession | undefined {
    return this.live.get(tokenHash);
  }

  /** Records a use at `now`; true when the store should be told now (it is a minute behind). */
  use(tokenHash: string, now: number): boolean {
    const entry = this.live.get(tokenHash);
    if (!entry) return false;
    entry.lastUsedAt = Math.max(entry.lastUsedAt, now);
    return entry.lastUsedAt - entry.storedLastUsedAt >= TOUCH_INTERVAL_MS;
  }

  /** The store now holds `lastUsedAt` for the session. */
  stored(tokenHash: string, lastUsedAt: number): void {
    const entry = this.live.get(tokenHash);
    if (entry) entry.storedLastUsedAt = Math.max(entry.storedLastUsedAt, lastUsedAt);
  }

  /** Uses the store has not heard of, for sessions whose stored time is a minute old or more. */
  pending(now: number): { tokenHash: string; lastUsedAt: number }[] {
    const due: { tokenHash: string; lastUsedAt: number }[] = [];
    for (const [tokenHash, entry] of this.live) {
      if (entry.lastUsedAt > entry.storedLastUsedAt && now - entry.storedLastUsedAt >= TOUCH_INTERVAL_MS) {
        due.push({ tokenHash, lastUsedAt: entry.lastUsedAt });
      }
    }
    return due;
  }

  forget(tokenHash: string): void {
    this.live.delete(tokenHash);
  }

  /** Forgets sessions idle here for a while, unless `keep` says a socket still uses them. */
  prune(now: number, keep: (tokenHash: string) => boolean): void {
    for (const [tokenHash, entry] of this.live) {
      const settled = entry.lastUsedAt <= entry.storedLastUsedAt;
      if (settled && now - entry.lastUsedAt > FORGET_AFTER_MS && !keep(tokenHash)) this.live.delete(tokenHash);
    }
  }
}
