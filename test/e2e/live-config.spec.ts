// Issue 4c: the connected client follows configuration changes at once — the next join uses the
// new history size and the file limit check uses the new maxFileSizeKB, without a reload.
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

test('a new defaultChatHistory applies to the next join without reload', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: 8 });
  const first = await pchat.api.seedRoom({ messages: 12 });
  const second = await pchat.api.createRoom({ categoryId: first.category.id });
  await pchat.api.postMessages(first.bob.token, second.id, Array.from({ length: 12 }, (_, i) => `second room ${i + 1}`));

  const page = await newSignedInPage(browser, pchat.url, first.alice);
  await openRoom(page, first.room.name);
  await expect(messageLog(page).getByRole('article')).toHaveCount(8);

  await pchat.api.setConfig({ defaultChatHistory: 5 });
  await openRoom(page, second.name);
  await expect(messageLog(page).getByRole('article')).toHaveCount(5);
  // Scroll-back pages follow the new size too.
  await page.getByRole('button', { name: 'Load older messages' }).click();
  await expect(messageLog(page).getByRole('article')).toHaveCount(10);
  await openRoom(page, first.room.name);
  await expect(messageLog(page).getByRole('article')).toHaveCount(5);
  await page.context().close();
});
