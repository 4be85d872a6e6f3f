// Search across the rooms the user may read, or only in the open room; a hit opens its room.
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

test('search finds messages in every room, or only the open one, and opens the room of a hit', async ({ browser, pchat }) => {
  const { category, room, alice, bob } = await pchat.api.seedRoom();
  const other = await pchat.api.createRoom({ categoryId: category.id });
  const word = `zebra${Date.now()}`;
  await pchat.api.postMessages(bob.token, room.id, [`first ${word} here`, 'nothing to see']);
  await pchat.api.postMessages(bob.token, other.id, [`second ${word} there`]);

  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const search = page.getByRole('search', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search terms' }).fill(word);
  await search.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('article')).toHaveCount(2);
  await expect(results.getByRole('status')).toHaveText(`2 messages match “${word}”.`);
  await expect(results.getByRole('article').filter({ hasText: 'second' })).toContainText(`in ${other.name}`);

  await search.getByRole('checkbox', { name: 'Only this room' }).check();
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(results.getByRole('article')).toHaveCount(1);
  await expect(results.getByRole('article')).toContainText(`first ${word} here`);

  await search.getByRole('checkbox', { name: 'Only this room' }).uncheck();
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(results.getByRole('article')).toHaveCount(2);
  await results.getByRole('article').filter({ hasText: 'second' }).getByRole('button', { name: 'Open the room' }).click();
  await expect(page.getByRole('heading', { name: other.name, exact: true })).toBeVisible();
  await expect(messageLog(page).getByRole('article').filter({ hasText: `second ${word} there` })).toHaveCount(1);
  await expect(results).toHaveCount(0);
  await page.context().close();
});
