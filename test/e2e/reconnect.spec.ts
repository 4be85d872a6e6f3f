// Reconnect with catch-up: messages posted while the browser was offline appear once it is back,
// each exactly once, without a reload.
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

test('messages sent while offline arrive after reconnecting, none lost and none doubled', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: 3 });
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 2 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const log = messageLog(page);
  await expect(log.getByRole('article')).toHaveCount(2);

  await page.context().setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Connection lost. Reconnecting…' })).toBeVisible({ timeout: 30_000 });
  // More than the join window (3), so only messages:since can fill the gap.
  const missed = Array.from({ length: 6 }, (_, i) => `while offline ${i + 1}`);
  await pchat.api.postMessages(bob.token, room.id, missed);
  await page.context().setOffline(false);

  for (const text of missed) await expect(log.getByRole('article').filter({ hasText: text })).toHaveCount(1);
  await expect(log.getByRole('article')).toHaveCount(8);
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0);
  await page.context().close();
});
