// Slows down password guessing (PROTOCOL.md §10): at most MAX_FAILURES failed attempts per user
// name AND client address in any WINDOW_MS. Attempts still being checked count too: a caller
// reserves a slot before the password is verified and settles it afterwards, so 60 guesses sent
// at once evaluate at most 10 passwords. Keyed by address as well as name, so a stranger can no
// longer lock someone else out from elsewhere; the name keeps many users behind one proxy from
// sharing one budget. In memory, per server: a guard, not an account lockout.
import { isIPv6 } from 'node:net';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 5 * 60_000;
const MAX_TRACKED = 100_000;

interface Entry {
  /** Times of the failures still inside the window, oldest first. */
  failures: number[];
  inFlight: number;
}

/** One reserved attempt. Settle it exactly once; later calls do nothing. */
export interface ThrottleSlot {
  /** The password was wrong (or the account cannot sign in): counts against the budget. */
  failed(): void;
  /**
   * The password was right: the slot is freed. Earlier failures still count until they leave the
   * window, so a success among parallel guesses does not open a fresh budget for the rest.
   */
  succeeded(): void;
  /** Nothing was decided (e.g. the store failed): the attempt does not count. */
  release(): void;
}

export type Reservation = { slot: ThrottleSlot } | { retryAfterS: number };

/**
 * The part of an address that identifies one client: IPv4 as is (also when mapped into IPv6),
 * IPv6 by its /64 prefix, since one host commonly holds a whole /64 and could rotate through it.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  reserve(name: string, address: string): Reservation {
    const key = `${name.toLowerCase()}\n${addressKey(address)}`;
    const now = this.now();
    const entry = this.entryFor(key, now);
    if (entry.failures.length + entry.inFlight >= MAX_FAILURES) return { retryAfterS: this.retryAfterS(entry, now) };
    entry.inFlight += 1;
    let settled = false;
    const settle = (outcome: 'failed' | 'freed') => {
      if (settled) return;
      settled = true;
      entry.inFlight -= 1;
      if (outcome === 'failed') entry.failures.push(this.now());
      // Keep the entry where reserve() will find it again (it may have been evicted meanwhile).
      if (entry.failures.length > 0 || entry.inFlight > 0) this.entries.set(key, entry);
      else if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    return { slot: { failed: () => settle('failed'), succeeded: () => settle('freed'), release: () => settle('freed') } };
  }

  private entryFor(key: string, now: number): Entry {
    let entry = this.entries.get(key);
    if (entry) {
      const cutoff = now - WINDOW_MS;
      while (entry.failures.length > 0 && entry.failures[0]! <= cutoff) entry.failures.shift();
      return entry;
    }
    if (this.entries.size >= MAX_TRACKED) this.evictOne(now);
    entry = { failures: [], inFlight: 0 };
    this.entries.set(key, entry);
    return entry;
  }

  /** Seconds until one more attempt would be allowed (at least 1). */
  private retryAfterS(entry: Entry, now: number): number {
    // This many failures must leave the window before the count drops below the limit.
    const mustExpire = entry.failures.length + entry.inFlight - MAX_FAILURES + 1;
    if (mustExpire > entry.failures.length) return 1; // waiting on attempts in flight
    const at = entry.failures[mustExpire - 1]! + WINDOW_MS;
    return Math.max(1, Math.ceil((at - now) / 1000));
  }

  /** Drops an entry whose window is over, else the oldest one not being checked right now. */
  private evictOne(now: number): void {
    let fallback: string | undefined;
    for (const [key, entry] of this.entries) {
      if (entry.inFlight > 0) continue;
      const last = entry.failures.at(-1);
      if (last === undefined || last <= now - WINDOW_MS) {
        this.entries.delete(key);
        return;
      }
      fallback ??= key;
    }
    if (fallback !== undefined) this.entries.delete(fallback);
  }
}
