// Issue 3 item 10 + issue 4 item 5: "Manage room" / "Create room" open the room-management pages
// in a new window, signed in through a one-time handoff code; edits made there reach the chat
// client live (room:updated); a custom roomManagementUrl applies without reloading the client.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { RoomDetail, SessionResponse } from '../../common/protocol';
import { unique } from './fixtures/pchat-api';
import { expect, newSignedInPage, openRoom, test } from './fixtures/test';

const MANAGE_INDEX = fileURLToPath(new URL('../../out/manage/index.html', import.meta.url));
const MANAGE_SOURCES = fileURLToPath(new URL('../../server/manage/web/', import.meta.url));

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return newestSource(path);
      return /\.test\.tsx?$/.test(entry.name) ? 0 : statSync(path).mtimeMs;
    }),
  );
}

// Like global-setup.ts does for out/renderer: never test a missing or stale build of the pages.
test.beforeAll(() => {
  const build = 'Run `npx vite build --config server/manage/vite.config.ts` (part of `npm run build`).';
  if (!existsSync(MANAGE_INDEX)) throw new Error(`${MANAGE_INDEX} is missing. ${build}`);
  if (newestSource(MANAGE_SOURCES) > statSync(MANAGE_INDEX).mtimeMs) throw new Error(`out/manage is older than server/manage/web. ${build}`);
});

/** Every top-level document the context loads: the popup's first URL still has the code in it. */
function recordDocuments(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (request) => {
    if (request.resourceType() === 'document') urls.push(request.url());
  });
  return urls;
}

async function clickAndGetPopup(page: Page, buttonName: string): Promise<Page> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: buttonName }).click()]);
  return popup;
}

test('a manager edits the room in /manage, signed in by the handoff code, and the client follows live', async ({ browser, pchat }) => {
  const { room, alice, bob } = await pchat.api.seedRoom({ room: { description: 'before' } });
  await pchat.api.patchRoom(room.id, { managers: [alice.name] });
  const addin = await pchat.api.createAddin(unique('Tickers'), 'http://127.0.0.1:9/ticker');

  const page = await newSignedInPage(browser, pchat.url, alice);
  const documents = recordDocuments(page);
  await openRoom(page, room.name);
  const popup = await clickAndGetPopup(page, 'Manage room');

  await expect(popup.getByRole('heading', { name: `Edit room: ${room.name}` })).toBeVisible();
  const opened = new URL(documents.find((url) => url.includes('/manage/'))!);
  expect(opened.origin + opened.pathname).toBe(`${pchat.url}/manage/`);
  expect(opened.searchParams.get('code')).toBeTruthy();
  expect(opened.searchParams.get('server')).toBe(pchat.url);
  expect(opened.searchParams.get('roomId')).toBe(room.id);
  // Signed in without a password, and the code is gone from the address bar.
  await expect(popup.getByRole('textbox', { name: 'Password' })).toHaveCount(0);
  expect(popup.url()).toBe(`${pchat.url}/manage/rooms/${room.id}`);

  await popup.getByLabel('Description').fill('Edited in room management');
  await popup.getByLabel('Privacy').selectOption('closed');
  await popup.getByLabel('Add-in').selectOption({ label: addin.name });
  const presenters = popup.getByRole('group', { name: 'Presenters' });
  await presenters.getByRole('textbox', { name: 'Add presenters' }).fill(bob.name);
  await presenters.getByRole('textbox', { name: 'Add presenters' }).press('Enter');
  await expect(presenters.getByRole('button', { name: `Remove ${bob.name}` })).toBeVisible();
  await popup.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.getByRole('status')).toHaveText('Changes saved.');

  // The chat window was not touched: it follows through room:updated.
  await expect(page.getByText('Edited in room management')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Add-in' }).locator('iframe')).toHaveAttribute('title', addin.name);
  const stored = await pchat.api.request<RoomDetail>('GET', `/api/rooms/${room.id}`);
  expect(stored).toMatchObject({ privacy: 'closed', description: 'Edited in room management', addin: { id: addin.id } });
  expect(stored.presenters).toContain(bob.name);

  // The code was single use: opening the very same link again signs nobody in.
  await popup.goto(opened.href);
  await expect(popup.getByRole('alert')).toContainText('not signed in');
  await expect(popup.getByRole('textbox', { name: 'User name' })).toBeVisible();
  await expect(popup.getByRole('heading', { name: /Edit room|My rooms/ })).toHaveCount(0);
  await page.context().close();
});

test('"Create room" opens the create page signed in, and the new room appears live in the list', async ({ browser, pchat }) => {
  const alice = await pchat.api.createUser({ displayName: unique('Alice') });
  const category = await pchat.api.createCategory({ creators: [alice.name] });
  const page = await newSignedInPage(browser, pchat.url, alice);
  const popup = await clickAndGetPopup(page, 'Create room');

  await expect(popup.getByRole('heading', { name: 'Create a room' })).toBeVisible();
  // A taken name: the server's 409 conflict comes back as a translated alert.
  const taken = await pchat.api.createRoom({ categoryId: category.id });
  await popup.getByLabel('Name').fill(taken.name);
  await popup.getByLabel('Category').selectOption({ label: category.name });
  await popup.getByRole('button', { name: 'Create room' }).click();
  await expect(popup.getByRole('alert')).toHaveText('That name is already taken.');

  const name = unique('Created');
  await popup.getByLabel('Name').fill(name);
  await popup.getByLabel('Privacy').selectOption('open');
  await popup.getByRole('button', { name: 'Create room' }).click();
  await expect(popup.getByRole('heading', { name: `Edit room: ${name}` })).toBeVisible();
  await expect(popup.getByRole('status')).toHaveText('Room created.');

  await expect(page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name, exact: true })).toBeVisible();
  // The creator manages what they created.
  await openRoom(page, name);
  await expect(page.getByRole('button', { name: 'Manage room' })).toBeVisible();
  await page.context().close();
});

test('people who neither manage the room nor create rooms get neither button', async ({ browser, pchat }) => {
  const { room, bob } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, bob);
  await openRoom(page, room.name);
  await expect(page.getByRole('button', { name: 'Manage room' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create room' })).toHaveCount(0);
  await page.context().close();
});

test('a custom roomManagementUrl set while the client runs is used on the next click, with a working code', async ({ browser, pchat }) => {
  const seen: URL[] = [];
  const custom: Server = createServer((request, response) => {
    seen.push(new URL(request.url ?? '/', 'http://127.0.0.1'));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Custom room management</title><h1>Custom</h1>');
  });
  await new Promise<void>((resolve) => custom.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(custom.address() as AddressInfo).port}/rooms?tenant=7`;
  try {
    const { room, alice } = await pchat.api.seedRoom();
    await pchat.api.patchRoom(room.id, { managers: [alice.name] });
    const page = await newSignedInPage(browser, pchat.url, alice);
    await openRoom(page, room.name);

    await pchat.api.setConfig({ roomManagementUrl: base });
    // config:updated travels over the socket: retry the click until the window lands there.
    await expect(async () => {
      const popup = await clickAndGetPopup(page, 'Manage room');
      try {
        await expect(popup.getByRole('heading', { name: 'Custom' })).toBeVisible({ timeout: 3_000 });
      } finally {
        await popup.close();
      }
    }).toPass({ timeout: 20_000 });

    const query = seen.find((url) => url.pathname === '/rooms')!.searchParams;
    expect(query.get('tenant')).toBe('7');
    expect(query.get('server')).toBe(pchat.url);
    expect(query.get('roomId')).toBe(room.id);
    const redeemed = await pchat.api.request<SessionResponse>('POST', '/api/session/redeem', { code: query.get('code') }, null);
    expect(redeemed.user.name).toBe(alice.name);
    await page.context().close();
  } finally {
    custom.closeAllConnections();
    await new Promise<void>((resolve) => custom.close(() => resolve()));
  }
});

test('opened directly, /manage asks for a password, lists managed rooms first, filters, and breaks no CSP rule', async ({ browser, pchat }) => {
  const { category, room, alice } = await pchat.api.seedRoom();
  await pchat.api.patchRoom(room.id, { managers: [alice.name] });
  const other = await pchat.api.createRoom({ categoryId: category.id });
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // The wrong password's 401 is logged by Chromium as a failed load: that one is expected.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(`${pchat.url}/manage/`);
  await page.getByRole('textbox', { name: 'User name' }).fill(alice.name);
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
  await page.getByLabel('Password').fill(alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const managed = page.getByRole('region', { name: 'Rooms I manage' });
  await expect(managed.getByRole('link', { name: room.name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Other rooms I can see' }).getByText(other.name)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter rooms' }).fill(other.name);
  await expect(managed.getByRole('link', { name: room.name })).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Filter rooms' }).fill('');
  await managed.getByRole('link', { name: room.name }).click();
  await expect(page.getByRole('heading', { name: `Edit room: ${room.name}` })).toBeVisible();
  // Only administrators move rooms between categories.
  await expect(page.getByLabel('Category')).toBeDisabled();
  await page.reload();
  await expect(page.getByRole('heading', { name: `Edit room: ${room.name}` })).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});

test('/manage speaks French to a French browser', async ({ browser, pchat }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${pchat.url}/manage/`);
  await expect(page.getByRole('textbox', { name: 'Nom d’utilisateur' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.close();
});
