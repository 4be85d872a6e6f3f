// Issue 10 in the browser: permalinks (<server>/r/<roomId>/<seq>) open the room scrolled to the
// message, marked with aria-current until the user moves on, even far older than the first page
// and before signing in; "Copy link" gives that address; search hits and "Jump to date" open the
// same way.
import { seedText, unique } from './fixtures/pchat-api';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

test('a permalink to a message older than the first page opens the room there, marked', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: 10 });
  const { room, alice } = await pchat.api.seedRoom({ messages: 40 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await page.goto(`${pchat.url}/r/${room.id}/3`);
  await expect(page.getByRole('heading', { name: room.name, exact: true })).toBeVisible();
  const log = messageLog(page);
  const target = log.getByRole('article').filter({ hasText: seedText(3) });
  await expect(target).toHaveAttribute('aria-current', 'true');
  await expect(target).toBeInViewport();
  await expect(log.locator('[aria-current="true"]')).toHaveCount(1);
  // Moving on (the wheel) takes the mark away.
  await log.hover();
  await page.mouse.wheel(0, 200);
  await expect(log.locator('[aria-current="true"]')).toHaveCount(0);
  await page.context().close();
});

test('a permalink opened before signing in lands on the message after the sign-in form', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: 10 });
  const { room, alice } = await pchat.api.seedRoom({ messages: 25 });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${pchat.url}/r/${room.id}/2`);
  await page.getByRole('textbox', { name: 'User name' }).fill(alice.name);
  await page.getByLabel('Password').fill(alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const target = messageLog(page).getByRole('article').filter({ hasText: seedText(2) });
  await expect(target).toHaveAttribute('aria-current', 'true');
  await expect(target).toBeInViewport();
  await context.close();
});

test('"Copy link" copies <server>/r/<roomId>/<seq>', async ({ browser, pchat }) => {
  const { room, alice, seeded } = await pchat.api.seedRoom({ messages: 2 });
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(pchat.url);
  await page.getByRole('textbox', { name: 'User name' }).fill(alice.name);
  await page.getByLabel('Password').fill(alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await openRoom(page, room.name);
  const article = messageLog(page).getByRole('article').filter({ hasText: seedText(2) });
  await article.hover();
  await article.getByRole('button', { name: 'Copy link' }).click();
  await expect(article.getByRole('status')).toHaveText('Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${pchat.url}/r/${room.id}/${seeded[1]?.seq}`);
  await context.close();
});

test('a search hit opens the room at the hit, however old', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: 10 });
  const { room, alice, bob } = await pchat.api.seedRoom();
  const word = unique('needle');
  await pchat.api.postMessages(bob.token, room.id, [`the ${word} is here`, ...Array.from({ length: 24 }, (_, i) => seedText(i + 2))]);
  const page = await newSignedInPage(browser, pchat.url, alice);
  const search = page.getByRole('search', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search terms' }).fill(word);
  await search.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('region', { name: 'Search results' }).getByRole('button', { name: 'Open the room' }).click();
  const hit = messageLog(page).getByRole('article').filter({ hasText: `the ${word} is here` });
  await expect(hit).toHaveAttribute('aria-current', 'true');
  await expect(hit).toBeInViewport();
  await page.context().close();
});

test('"Jump to date" scrolls to the first message of that day', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: 10 });
  const { room, alice } = await pchat.api.seedRoom({ messages: 25 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await page.getByRole('button', { name: 'Jump to date' }).click();
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  await page.getByLabel('Date').fill(today);
  await page.getByRole('button', { name: 'Go' }).click();
  const first = messageLog(page).getByRole('article').filter({ hasText: seedText(1) });
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(first).toBeInViewport();
  await page.context().close();
});
