// The outbox in a real browser: messages written while the connection is down are kept in
// IndexedDB, survive a reload, and are delivered exactly once, in order, when the connection
// comes back; a send the server refuses for good ends "Not sent" with Retry and Discard, and
// Discard removes it for good.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

const SOCKET_IO = '**/socket.io/**';

/**
 * Takes the chat connection down: going offline cuts the open websocket, and refusing socket.io's
 * requests keeps it down even once the page itself may load again (for the reload below).
 */
async function cutConnection(page: Page): Promise<void> {
  const context = page.context();
  await context.route(SOCKET_IO, (route) => route.abort());
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible({ timeout: 30_000 });
}

async function restoreConnection(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
  await context.unroute(SOCKET_IO);
}

async function write(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
}

/** The texts saved in the web client's outbox (renderer/platform/web-outbox.ts), every account. */
function savedOutbox(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('pchat-outbox');
        open.onerror = () => reject(new Error('cannot open pchat-outbox'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('accounts')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('accounts').objectStore('accounts').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { text: string }[][]).flat().map((entry) => entry.text));
          };
          all.onerror = () => reject(new Error('cannot read pchat-outbox'));
        };
      }),
  );
}

test('messages written offline survive a reload and are delivered once, in order', async ({ browser, pchat }) => {
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 1 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const watcher = await newSignedInPage(browser, pchat.url, bob);
  await openRoom(watcher, room.name);

  await cutConnection(page);
  const texts = [`offline one ${Date.now()}`, `offline two ${Date.now()}`];
  for (const text of texts) await write(page, text);
  const log = messageLog(page);
  for (const text of texts) await expect(log.getByRole('article').filter({ hasText: text })).toContainText('Sending…');
  await expect.poll(() => savedOutbox(page)).toEqual(texts);

  // A restart while still cut off: the page loads, the chat cannot connect, the outbox is intact.
  await page.context().setOffline(false);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /Connecting|Reconnecting/ })).toBeVisible();
  expect(await savedOutbox(page)).toEqual(texts);

  await restoreConnection(page.context());
  await expect(page.getByRole('heading', { name: room.name, exact: true })).toBeVisible({ timeout: 30_000 });
  for (const view of [log, messageLog(watcher)]) {
    for (const text of texts) await expect(view.getByRole('article').filter({ hasText: text })).toHaveCount(1);
    const shown = await view.getByRole('article').allInnerTexts();
    const order = texts.map((text) => shown.findIndex((article) => article.includes(text)));
    expect(order[0]).toBeLessThan(order[1] ?? -1);
  }
  await expect(log.getByText('Sending…')).toHaveCount(0);
  await expect.poll(() => savedOutbox(page)).toEqual([]);

  // Nothing comes back twice after another restart either.
  await page.reload();
  await expect(page.getByRole('heading', { name: room.name, exact: true })).toBeVisible();
  for (const text of texts) await expect(log.getByRole('article').filter({ hasText: text })).toHaveCount(1);
  await watcher.context().close();
  await page.context().close();
});

test('a send refused for good ends "Not sent" with Retry and Discard; Discard removes it for good', async ({
  browser,
  pchat,
}) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 1 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const log = messageLog(page);

  await cutConnection(page);
  const text = `doomed ${Date.now()}`;
  await write(page, text);
  const article = log.getByRole('article').filter({ hasText: text });
  await expect(article).toContainText('Sending…');
  // While the user is away the room becomes an auditorium: only presenters may post now.
  await pchat.api.patchRoom(room.id, { type: 'auditorium' });
  await restoreConnection(page.context());

  await expect(article).toContainText('Not sent.', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(article.getByRole('button', { name: 'Retry' })).toBeVisible();
  expect(await savedOutbox(page)).toEqual([text]);

  // A failed message is still there, still failed, after a restart (no automatic resend).
  await page.reload();
  await expect(page.getByRole('heading', { name: room.name, exact: true })).toBeVisible();
  await expect(article).toContainText('Not sent.');
  await article.getByRole('button', { name: 'Retry' }).click();
  await expect(article).toContainText('Not sent.');

  await article.getByRole('button', { name: 'Discard' }).click();
  await expect(article).toHaveCount(0);
  await expect.poll(() => savedOutbox(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { name: room.name, exact: true })).toBeVisible();
  await expect(log.getByRole('article').first()).toBeVisible();
  await expect(article).toHaveCount(0);
  await page.context().close();
});
