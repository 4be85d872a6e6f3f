// Issue 4a: the history window follows the reader — "Jump to latest" when scrolled up, pinned
// to the bottom otherwise — and a category with history off says so instead of showing nothing.
import { seedText } from './fixtures/pchat-api';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

test('new messages pin to the bottom, or offer "Jump to latest" when the reader scrolled up', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: 12 });
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 12 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await page.setViewportSize({ width: 1000, height: 460 });
  await openRoom(page, room.name);
  const log = messageLog(page);
  await expect(log.getByRole('article')).toHaveCount(12);
  await expect(log.getByRole('article').filter({ hasText: seedText(12) })).toBeInViewport();

  // At the bottom: a new message scrolls into view by itself, no button.
  await pchat.api.postMessages(bob.token, room.id, ['live one']);
  await expect(log.getByRole('article').filter({ hasText: 'live one' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);

  // Scrolled up (not to the very top, which would load older pages): the view stays put.
  await log.evaluate((element) => {
    element.scrollTop = Math.max(130, element.scrollHeight / 2 - element.clientHeight);
  });
  const before = await log.evaluate((element) => element.scrollTop);
  await pchat.api.postMessages(bob.token, room.id, ['live two']);
  const jump = page.getByRole('button', { name: 'Jump to latest' });
  await expect(jump).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '1 new message below' })).toBeVisible();
  await expect(log.getByRole('article').filter({ hasText: 'live two' })).not.toBeInViewport();
  expect(await log.evaluate((element) => element.scrollTop)).toBe(before);

  await jump.click();
  await expect(log.getByRole('article').filter({ hasText: 'live two' })).toBeInViewport();
  await expect(jump).toHaveCount(0);
  await page.context().close();
});

test('a category with chat history off shows a note, no past messages, and live ones still arrive', async ({
  browser,
  pchat,
}) => {
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 3, category: { chatHistory: false } });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await expect(page.getByText('Chat history is turned off in this category')).toBeVisible();
  const log = messageLog(page);
  await expect(log.getByRole('article')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Load older messages' })).toHaveCount(0);
  await pchat.api.postMessages(bob.token, room.id, ['said while you were here']);
  await expect(log.getByRole('article')).toHaveCount(1);
  await expect(log.getByRole('article')).toContainText('said while you were here');
  await page.context().close();
});
