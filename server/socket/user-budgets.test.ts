import { describe, expect, it } from 'vitest';
import { MAX_CONNECTIONS_PER_USER, UserBudgets } from './user-budgets';

describe('UserBudgets', () => {
  it('shares one budget among a user’s connections, up to the bound, and frees it when they leave', () => {
    const budgets = new UserBudgets();
    const first = budgets.connect('u1');
    for (let i = 1; i < MAX_CONNECTIONS_PER_USER; i++) expect(budgets.connect('u1')).toBe(first);
    expect(budgets.connect('u1')).toBeNull();
    expect(budgets.connect('u2')).not.toBe(first);
    budgets.disconnect('u1');
    expect(budgets.connect('u1')).toBe(first);
  });

  it('runs at most four heavy reads of one user at once, the others in turn', async () => {
    const budget = new UserBudgets().connect('u1')!;
    let running = 0;
    let most = 0;
    const task = async (i: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => budget.heavy(() => task(i))));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(most).toBe(4);
  });
});
