// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../app/app';
import { messages, room, roster, sessionPayload } from '../test-support/fixtures';
import { connectedHarness, settle } from '../test-support/chat-harness';
import { renderWithChat } from '../test-support/render-with-chat';
import { mountedIndexes } from './timeline-rows';

afterEach(cleanup);

describe('message list windowing', () => {
  it('keeps the newest rows mounted and windows a long scroll-back', { timeout: 20_000 }, async () => {
    const h = await connectedHarness();
    h.socket.answer('room:join', () => ({
      ok: true,
      room: room(),
      messages: messages(1001, 1030),
      hasMore: true,
      roster: roster(),
    }));
    h.socket.answer('room:history', ({ beforeSeq, limit }) => ({
      ok: true,
      messages: messages(beforeSeq - limit, beforeSeq - 1),
      hasMore: true,
    }));
    // Pages of 100 (the page size follows defaultChatHistory); the mounted floor is then 150.
    h.socket.push('config:updated', { config: { ...sessionPayload.config, defaultChatHistory: 100 } });
    renderWithChat(<App />, h);
    fireEvent.click(screen.getByRole('button', { name: 'Desk' }));
    await settle();
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(within(log).getAllByRole('article')).toHaveLength(30);
    for (let page = 0; page < 5; page += 1) {
      fireEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
      await settle();
    }
    expect(h.store.getState().timelines.r1?.messages).toHaveLength(530);
    const mounted = within(log).getAllByRole('article');
    expect(mounted.length).toBeGreaterThanOrEqual(150);
    // jsdom lays nothing out (every row measures 0 px), so the viewport seems to hold many rows;
    // in a browser the bench counts ≤ 200 (bench/renderer-room-switch.ts).
    expect(mounted.length).toBeLessThan(530);
    // The newest message is always among the mounted rows.
    expect(mounted.some((article) => article.textContent?.includes('message 1030'))).toBe(true);
  });
});

describe('mounted rows', () => {
  it('keep the newest floor and add only the viewport above it', () => {
    // At the bottom of a long timeline: the floor alone.
    expect(mountedIndexes([9_990, 9_991, 9_992], 10_000, 150)).toHaveLength(150);
    // Scrolled far up: the viewport's rows, then the floor; nothing in between.
    const visible = Array.from({ length: 30 }, (_, i) => 4_000 + i);
    const mounted = mountedIndexes(visible, 10_000, 150);
    expect(mounted).toHaveLength(180);
    expect(mounted.slice(0, 30)).toEqual(visible);
    expect(mounted[30]).toBe(9_850);
    expect(mounted.at(-1)).toBe(9_999);
    // Viewport overlapping the floor: no index twice, in order.
    const overlap = mountedIndexes([9_840, 9_845, 9_850, 9_851], 10_000, 150);
    expect(new Set(overlap).size).toBe(overlap.length);
    expect(overlap).toEqual([...overlap].sort((a, b) => a - b));
    // A short room: everything.
    expect(mountedIndexes([0, 1], 30, 150)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
