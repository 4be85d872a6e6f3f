import { describe, expect, it } from 'vitest';
import { continuesGroup, dayKey, dayLabel, GROUP_WINDOW_MS } from './day-label';

const words = { today: 'Today', yesterday: 'Yesterday' };

describe('day labels', () => {
  const now = new Date(2026, 11, 1, 9, 30);
  it('names today, yesterday, and other days by their date', () => {
    expect(dayLabel(new Date(2026, 11, 1, 0, 5).toISOString(), 'en-US', words, now)).toBe('Today');
    expect(dayLabel(new Date(2026, 10, 30, 23, 59).toISOString(), 'en-US', words, now)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 10, 29, 12).toISOString(), 'en-US', words, now)).toBe('Sunday, November 29, 2026');
    expect(dayLabel(new Date(2026, 10, 29, 12).toISOString(), 'fr', words, now)).toBe('dimanche 29 novembre 2026');
    expect(dayLabel('not a date', 'en-US', words, now)).toBe('');
  });

  it('keys by the local calendar day', () => {
    expect(dayKey(new Date(2026, 0, 2, 0, 1).toISOString())).toBe(dayKey(new Date(2026, 0, 2, 23, 59).toISOString()));
    expect(dayKey(new Date(2026, 0, 2, 23, 59).toISOString())).not.toBe(dayKey(new Date(2026, 0, 3, 0, 0).toISOString()));
  });
});

describe('grouping', () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 2, 12) + ms).toISOString();
  it('groups one sender within a few minutes on the same day', () => {
    expect(continuesGroup({ senderId: 'a', createdAt: at(0) }, { senderId: 'a', createdAt: at(60_000) })).toBe(true);
    expect(continuesGroup({ senderId: 'a', createdAt: at(0) }, { senderId: 'a', createdAt: at(GROUP_WINDOW_MS) })).toBe(false);
    expect(continuesGroup({ senderId: 'a', createdAt: at(0) }, { senderId: 'b', createdAt: at(1000) })).toBe(false);
    expect(continuesGroup(undefined, { senderId: 'a', createdAt: at(0) })).toBe(false);
    expect(continuesGroup({ senderId: 'a', createdAt: at(5000) }, { senderId: 'a', createdAt: at(0) })).toBe(false);
  });
});
