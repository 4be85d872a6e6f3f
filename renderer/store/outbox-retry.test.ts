import { describe, expect, it } from 'vitest';
import { isTransient, MAX_AUTO_ATTEMPTS, RETRY_MAX_MS, retryDelayMs, shouldAutoRetry } from './outbox-retry';

describe('outbox retry policy', () => {
  it('retries what another try can fix and nothing else', () => {
    for (const failure of [null, 'rate_limited', 'internal', 'unauthorized'] as const) expect(isTransient(failure)).toBe(true);
    for (const failure of ['bad_request', 'forbidden', 'not_found', 'room_disabled', 'too_large', 'file_upload_disabled'] as const) {
      expect(isTransient(failure)).toBe(false);
      expect(shouldAutoRetry(failure, 1)).toBe(false);
    }
  });

  it('gives up after MAX_AUTO_ATTEMPTS', () => {
    expect(shouldAutoRetry(null, MAX_AUTO_ATTEMPTS - 1)).toBe(true);
    expect(shouldAutoRetry(null, MAX_AUTO_ATTEMPTS)).toBe(false);
  });

  it('backs off exponentially, with jitter in the upper half, capped', () => {
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 1)).toBe(1_000);
    expect(retryDelayMs(3, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, () => 1)).toBe(4_000);
    expect(retryDelayMs(20, () => 1)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(20, () => 0)).toBe(RETRY_MAX_MS / 2);
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(4)));
    expect(spread.size).toBeGreaterThan(10);
    for (const delay of spread) {
      expect(delay).toBeGreaterThanOrEqual(4_000);
      expect(delay).toBeLessThanOrEqual(8_000);
    }
  });
});
