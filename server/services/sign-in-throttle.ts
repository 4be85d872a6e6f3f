// Slows down password guessing: after too many failed sign-ins for one user name in a window,
// further attempts for that name are refused (rate_limited) without checking the password until
// the window has passed. Per name, not per address, so many users behind one proxy are not
// punished for one another. In memory, per server: a guard, not an account lockout.
const MAX_FAILURES = 10;
const WINDOW_MS = 5 * 60_000;
const MAX_TRACKED = 10_000;

export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  allowed(name: string): boolean {
    const entry = this.failures.get(name.toLowerCase());
    if (!entry) return true;
    if (this.now() - entry.since > WINDOW_MS) {
      this.failures.delete(name.toLowerCase());
      return true;
    }
    return entry.count < MAX_FAILURES;
  }

  failed(name: string): void {
    const key = name.toLowerCase();
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.since <= WINDOW_MS) entry.count += 1;
    else {
      if (this.failures.size >= MAX_TRACKED) this.failures.delete(this.failures.keys().next().value!);
      this.failures.set(key, { count: 1, since: this.now() });
    }
  }

  succeeded(name: string): void {
    this.failures.delete(name.toLowerCase());
  }
}
