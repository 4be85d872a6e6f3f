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
  private readonly tokens: Record<Kind, number>;
  private last: Record<Kind, number>;

  constructor(
    now = Date.now(),
    private readonly buckets: Buckets = CONNECTION_BUCKETS,
  ) {
    this.tokens = { send: buckets.send.burst, other: buckets.other.burst };
    this.last = { send: now, other: now };
  }

  /** Whether there is room for one more event now, without taking it. */
  has(kind: Kind, now = Date.now()): boolean {
    this.refill(kind, now);
    return this.tokens[kind] >= 1;
  }

  allow(kind: Kind, now = Date.now()): boolean {
    if (!this.has(kind, now)) return false;
    this.tokens[kind] -= 1;
    return true;
  }

  private refill(kind: Kind, now: number): void {
    const { ratePerS, burst } = this.buckets[kind];
    this.tokens[kind] = Math.min(burst, this.tokens[kind] + ((now - this.last[kind]) / 1000) * ratePerS);
    this.last[kind] = now;
  }
}

export interface Limiter {
  allow(kind: Kind): boolean;
}

/** A connection's own limits and its user's shared ones: an event needs room in both. */
export class EventLimits implements Limiter {
  constructor(
    private readonly connection: RateLimiter,
    private readonly user: RateLimiter,
  ) {}

  allow(kind: Kind): boolean {
    // Check both before taking from either, so a refusal costs neither budget.
    if (!this.connection.has(kind) || !this.user.has(kind)) return false;
    return this.connection.allow(kind) && this.user.allow(kind);
  }
}
