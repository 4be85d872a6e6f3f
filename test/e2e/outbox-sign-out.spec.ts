// Issue 9 #12 in a real browser: messages that could not be sent stay in IndexedDB while the
// session merely ended (revoked elsewhere), for the next sign-in of that account, but an explicit
// "Sign out" removes them from the machine.
import type { Page } from '@playwright/test';
import { expect, newSignedInPage, openRoom, test } from './fixtures/test';

const SOCKET_IO = '**/socket.io/**';

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

/** Writes a message the server never gets: socket.io is cut first. */
async function writeUnsent(page: Page, text: string): Promise<void> {
  await page.context().route(SOCKET_IO, (route) => route.abort());
  await page.context().setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible({ timeout: 30_000 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await expect.poll(() => savedOutbox(page)).toEqual([text]);
  await page.context().setOffline(false);
}

test('an explicit sign-out removes unsent messages from IndexedDB', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 1 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await writeUnsent(page, `left behind? ${Date.now()}`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => savedOutbox(page)).toEqual([]);
  await page.context().close();
});

test('a session that ended (revoked elsewhere) keeps them for the next sign-in', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 1 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const text = `kept for later ${Date.now()}`;
  await writeUnsent(page, text);
  // "Sign out everywhere" from another device (PROTOCOL §10): this page's token stops working.
  const token = await page.evaluate((): string => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('pchat.token:'));
    return key === undefined ? '' : (localStorage.getItem(key) ?? '');
  });
  expect((await fetch(new URL('/api/sessions', pchat.url), { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
  await page.context().unroute(SOCKET_IO);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  expect(await savedOutbox(page)).toEqual([text]);
  await page.context().close();
});
