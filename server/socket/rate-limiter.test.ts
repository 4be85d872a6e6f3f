import { describe, expect, it } from 'vitest';
import { RateLimiter, allowEvent } from './rate-limiter';

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

describe('allowEvent', () => {
  it('needs room in both the connection and the user budget, and a refusal takes from neither', () => {
    const connection = new RateLimiter(0);
    const user = new RateLimiter(0, { send: { ratePerS: 1, burst: 2 }, other: { ratePerS: 1, burst: 1 } });
    expect([0, 0, 0].map((now) => allowEvent(connection, user, 'send', now))).toEqual([true, true, false]);
    // The refused third send did not use the connection's own budget.
    const roomy = new RateLimiter(0);
    let allowed = 0;
    while (allowEvent(connection, roomy, 'send', 0)) allowed++;
    expect(allowed).toBe(198);
  });

  it('keeps the two kinds apart', () => {
    const connection = new RateLimiter(0);
    const user = new RateLimiter(0);
    let sends = 0;
    while (allowEvent(connection, user, 'send', 0)) sends++;
    expect(sends).toBe(200);
    expect(allowEvent(connection, user, 'other', 0)).toBe(true);
    expect(allowEvent(connection, user, 'send', 50)).toBe(true);
  });
});
