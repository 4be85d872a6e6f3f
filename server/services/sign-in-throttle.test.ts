import { describe, expect, it } from 'vitest';
import { MAX_FAILURES, SignInThrottle, WINDOW_MS, addressKey, type Reservation, type ThrottleSlot } from './sign-in-throttle';

const slotOf = (reservation: Reservation): ThrottleSlot => {
  if (!('slot' in reservation)) throw new Error(`refused, retry after ${reservation.retryAfterS} s`);
  return reservation.slot;
};

describe('SignInThrottle', () => {
  it('counts attempts in flight, so parallel guesses cannot exceed the budget', () => {
    const throttle = new SignInThrottle(() => 0);
    const reservations = Array.from({ length: 60 }, () => throttle.reserve('ana', '10.0.0.1'));
    const granted = reservations.filter((r) => 'slot' in r);
    expect(granted).toHaveLength(MAX_FAILURES);
    expect(reservations.filter((r) => 'retryAfterS' in r).every((r) => 'retryAfterS' in r && r.retryAfterS >= 1)).toBe(true);
  });

  it('frees a slot that succeeded or was released; a success does not forget the failures', () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES - 2; i++) slotOf(throttle.reserve('ana', '10.0.0.1')).failed();
    const released = slotOf(throttle.reserve('ana', '10.0.0.1'));
    const right = slotOf(throttle.reserve('ana', '10.0.0.1'));
    expect('retryAfterS' in throttle.reserve('ana', '10.0.0.1')).toBe(true);
    released.release();
    right.succeeded();
    right.failed(); // a second settle does nothing
    for (let i = 0; i < 2; i++) slotOf(throttle.reserve('ana', '10.0.0.1')).failed();
    expect('retryAfterS' in throttle.reserve('ana', '10.0.0.1')).toBe(true);
  });

  it('keys by name (case-insensitively) and address; the window slides', () => {
    let clock = 1_000_000;
    const throttle = new SignInThrottle(() => clock);
    for (let i = 0; i < MAX_FAILURES; i++) {
      slotOf(throttle.reserve('Ana', '10.0.0.1')).failed();
      clock += 1000;
    }
    const refused = throttle.reserve('ANA', '10.0.0.1');
    expect(refused).toEqual({ retryAfterS: Math.ceil((WINDOW_MS - MAX_FAILURES * 1000) / 1000) });
    expect('slot' in throttle.reserve('ana', '10.0.0.2')).toBe(true);
    expect('slot' in throttle.reserve('bo', '10.0.0.1')).toBe(true);
    clock = 1_000_000 + WINDOW_MS + 1; // the first failure left the window, the others did not
    slotOf(throttle.reserve('ana', '10.0.0.1')).failed();
    expect('retryAfterS' in throttle.reserve('ana', '10.0.0.1')).toBe(true);
  });

  it('treats a mapped IPv4 address as IPv4 and an IPv6 host by its /64', () => {
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES; i++) slotOf(throttle.reserve('ana', `2001:db8:0:1::${i + 1}`)).failed();
    expect('retryAfterS' in throttle.reserve('ana', '2001:db8:0:1::ff')).toBe(true);
    expect('slot' in throttle.reserve('ana', '2001:db8:0:2::1')).toBe(true);
  });
});
