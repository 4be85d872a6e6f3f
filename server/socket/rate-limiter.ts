// Per-connection rate limits (PROTOCOL.md §9.12): token buckets that refill at the protocol's
// promised rates (20 sends/s, 100 other events/s) with a generous burst, so a client within those
// rates is never limited and a short burst (a reconnecting outbox, a test filling a room) passes,
// while a sustained flood is answered with rate_limited.
export type Kind = 'send' | 'other';
export type Buckets = Record<Kind, { ratePerS: number; burst: number }>;

const CONNECTION_BUCKETS: Buckets = {
  send: { ratePerS: 20, burst: 200 },
  other: { ratePerS: 100, burst: 500 },
};

export class RateLimiter {
  // Plain number fields rather than a record per kind: every connection holds one of these, and
  // four fields in one object are the least it can hold (issue 8, memory per connection).
  private sendTokens: number;
  private otherTokens: number;
  private sendAt: number;
  private otherAt: number;

  constructor(
    now = Date.now(),
    private readonly buckets: Buckets = CONNECTION_BUCKETS,
  ) {
    this.sendTokens = buckets.send.burst;
    this.otherTokens = buckets.other.burst;
    this.sendAt = now;
    this.otherAt = now;
  }

  /** Whether there is room for one more event now, without taking it. */
  has(kind: Kind, now = Date.now()): boolean {
    return this.refill(kind, now) >= 1;
  }

  allow(kind: Kind, now = Date.now()): boolean {
    if (!this.has(kind, now)) return false;
    if (kind === 'send') this.sendTokens -= 1;
    else this.otherTokens -= 1;
    return true;
  }

  /** Refills the bucket of `kind` up to `now`; returns its tokens. */
  private refill(kind: Kind, now: number): number {
    const { ratePerS, burst } = this.buckets[kind];
    if (kind === 'send') {
      this.sendTokens = Math.min(burst, this.sendTokens + ((now - this.sendAt) / 1000) * ratePerS);
      this.sendAt = now;
      return this.sendTokens;
    }
    this.otherTokens = Math.min(burst, this.otherTokens + ((now - this.otherAt) / 1000) * ratePerS);
    this.otherAt = now;
    return this.otherTokens;
  }
}

/** A connection's own limits and its user's shared ones: an event needs room in both. */
export function allowEvent(connection: RateLimiter, user: RateLimiter, kind: Kind, now = Date.now()): boolean {
  // Check both before taking from either, so a refusal costs neither budget.
  if (!connection.has(kind, now) || !user.has(kind, now)) return false;
  return connection.allow(kind, now) && user.allow(kind, now);
}
