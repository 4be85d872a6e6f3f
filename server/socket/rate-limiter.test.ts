import { describe, expect, it } from 'vitest';
import { EventLimits, RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('never limits a steady 20 sends/s and 100 other events/s', () => {
    const limiter = new RateLimiter(0);
    for (let ms = 0; ms < 60_000; ms += 50) expect(limiter.allow('send', ms)).toBe(true);
    for (let ms = 0; ms < 60_000; ms += 10) expect(limiter.allow('other', ms)).toBe(true);
  });

  it('stops a sustained flood and recovers', () => {
    const limiter = new RateLimiter(0);
    let allowed = 0;
    for (let i = 0; i < 1000; i++) if (limiter.allow('send', 0)) allowed++;
    expect(allowed).toBe(200);
    expect(limiter.allow('send', 0)).toBe(false);
    expect(limiter.allow('send', 100)).toBe(true);
  });
});

describe('EventLimits', () => {
  it('needs room in both the connection and the user budget, and a refusal takes from neither', () => {
    const connection = new RateLimiter(0);
    const user = new RateLimiter(0, { send: { ratePerS: 1, burst: 2 }, other: { ratePerS: 1, burst: 1 } });
    const limits = new EventLimits(connection, user);
    expect([limits.allow('send'), limits.allow('send'), limits.allow('send')]).toEqual([true, true, false]);
    // The refused third send did not use the connection's own budget.
    const alone = new EventLimits(connection, new RateLimiter(0));
    let allowed = 0;
    while (alone.allow('send')) allowed++;
    expect(allowed).toBe(198);
  });
});
