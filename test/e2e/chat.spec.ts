// The core of the client against the real server: history window on join, scroll-back,
// sending exactly once, and live delivery to a second browser context.
import { seedText } from './fixtures/pchat-api';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

const N = 10;

test('join shows exactly the last N, older pages load, a sent message appears once here and live elsewhere', async ({
  browser,
  pchat,
}) => {
  await pchat.api.setConfig({ defaultChatHistory: N });
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 25 });

  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const log = messageLog(page);
  const articles = log.getByRole('article');
  await expect(articles).toHaveCount(N);
  await expect(articles.first()).toContainText(seedText(16));
  await expect(articles.last()).toContainText(seedText(25));
  await expect(articles.first()).toContainText(bob.user.displayName);

  await page.getByRole('button', { name: 'Load older messages' }).click();
  await expect(articles).toHaveCount(2 * N);
  await expect(articles.first()).toContainText(seedText(6));
  await expect(articles.nth(N)).toContainText(seedText(16));

  const other = await newSignedInPage(browser, pchat.url, bob);
  await openRoom(other, room.name);
  await expect(messageLog(other).getByRole('article')).toHaveCount(N);

  const text = `hello from alice ${Date.now()}`;
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');

  const mine = log.getByRole('article').filter({ hasText: text });
  const theirs = messageLog(other).getByRole('article').filter({ hasText: text });
  await expect(theirs).toHaveCount(1);
  await expect(theirs).toContainText(alice.user.displayName);
  // Both the ack and the broadcast have reached the sender by now (the other context got the
  // broadcast): still exactly one copy, no longer pending.
  await expect(mine).toHaveCount(1);
  await expect(mine).not.toContainText('Sending…');
  await page.waitForTimeout(300);
  await expect(mine).toHaveCount(1);
  await expect(log.getByRole('article')).toHaveCount(2 * N + 1);

  await other.context().close();
  await page.context().close();
});

test('scrolling to the top loads older messages and keeps the reader on the same message', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: N });
  const { room, alice } = await pchat.api.seedRoom({ messages: 3 * N });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await page.setViewportSize({ width: 1000, height: 420 });
  await openRoom(page, room.name);
  const log = messageLog(page);
  await expect(log.getByRole('article')).toHaveCount(N);
  const firstShown = log.getByRole('article').filter({ hasText: seedText(2 * N + 1) });

  await log.evaluate((element) => {
    element.scrollTop = 0;
  });
  await expect(log.getByRole('article')).toHaveCount(2 * N);
  // The message that was at the top is still in view: the new page went in above it.
  await expect(firstShown).toBeInViewport();
  await expect(log.getByRole('article').filter({ hasText: seedText(N + 1) })).not.toBeInViewport();
  await page.context().close();
});
