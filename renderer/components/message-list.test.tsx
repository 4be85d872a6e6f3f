// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../app/app';
import { messages, room, roster, sessionPayload } from '../test-support/fixtures';
import { connectedHarness, settle } from '../test-support/chat-harness';
import { renderWithChat } from '../test-support/render-with-chat';

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
    // Pages of 100 (the page size follows defaultChatHistory); the mounted floor is then 300.
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
    expect(mounted.length).toBeGreaterThanOrEqual(300);
    expect(mounted.length).toBeLessThan(400);
    // The newest message is always among the mounted rows.
    expect(mounted.some((article) => article.textContent?.includes('message 1030'))).toBe(true);
  });
});
