// Per-connection rate limits (PROTOCOL.md §9.12): token buckets that refill at the protocol's
// promised rates (20 sends/s, 100 other events/s) with a generous burst, so a client within those
// rates is never limited and a short burst (a reconnecting outbox, a test filling a room) passes,
// while a sustained flood is answered with rate_limited.
const BUCKETS = {
  send: { ratePerS: 20, burst: 200 },
  other: { ratePerS: 100, burst: 500 },
} as const;

type Kind = keyof typeof BUCKETS;

export class RateLimiter {
  private readonly tokens: Record<Kind, number> = { send: BUCKETS.send.burst, other: BUCKETS.other.burst };
  private last: Record<Kind, number>;

  constructor(now = Date.now()) {
    this.last = { send: now, other: now };
  }

  allow(kind: Kind, now = Date.now()): boolean {
    const { ratePerS, burst } = BUCKETS[kind];
    this.tokens[kind] = Math.min(burst, this.tokens[kind] + ((now - this.last[kind]) / 1000) * ratePerS);
    this.last[kind] = now;
    if (this.tokens[kind] < 1) return false;
    this.tokens[kind] -= 1;
    return true;
  }
}
