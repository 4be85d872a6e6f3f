// What one user may make this server hold (issue 9: "per-user connection and event budgets, not
// only per connection"). Every connection keeps its own rate limits (PROTOCOL §9.12); on top of
// those, all the connections of one user share:
// - a connection budget, so one account cannot open sockets without end;
// - an event budget, ten times one connection's, so a hundred sockets do not multiply the flood;
// - a bound on the page-building reads (join, history, catch-up, search, listing) in flight at
//   once: the rest wait their turn, so 200 joins of a heavy room on one socket hold a handful of
//   replies in memory at a time, not 200.
import { type Buckets, RateLimiter } from './rate-limiter';

export const MAX_CONNECTIONS_PER_USER = 100;
// Generous on purpose: a user's several windows and devices, and a reconnecting outbox, must
// never meet it; it stops one account multiplying its flood by its connections.
const USER_BUCKETS: Buckets = {
  send: { ratePerS: 200, burst: 2000 },
  other: { ratePerS: 1000, burst: 5000 },
};
const HEAVY_READS_IN_FLIGHT = 4;

export class UserBudget {
  connections = 0;
  readonly limiter = new RateLimiter(Date.now(), USER_BUCKETS);
  private running = 0;
  private readonly queue: (() => void)[] = [];

  /** Runs `task` once fewer than the bound of heavy reads are running for this user. */
  async heavy<T>(task: () => T | Promise<T>): Promise<T> {
    if (this.running >= HEAVY_READS_IN_FLIGHT) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }
}

export class UserBudgets {
  private readonly byUser = new Map<string, UserBudget>();

  /** The user's budget with one more connection, or null when they hold too many already. */
  connect(userId: string): UserBudget | null {
    let budget = this.byUser.get(userId);
    if (!budget) {
      budget = new UserBudget();
      this.byUser.set(userId, budget);
    }
    if (budget.connections >= MAX_CONNECTIONS_PER_USER) return null;
    budget.connections += 1;
    return budget;
  }

  disconnect(userId: string): void {
    const budget = this.byUser.get(userId);
    if (!budget) return;
    budget.connections -= 1;
    if (budget.connections <= 0) this.byUser.delete(userId);
  }
}
