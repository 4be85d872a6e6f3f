// Issue 11 in the browser: the Settings dialog (theme, language, sessions, password), Jump to
// room, keyboard focus, the sign-in page, the room directory and closed rooms, live categories
// and sorting, and the layout from phone widths up. Each bug the issue lists has a check here.
import type { Page } from '@playwright/test';
import { expect, messageLog, newSignedInPage, openRoom, signInThroughUi, test } from './fixtures/test';
import { unique } from './fixtures/pchat-api';

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Rooms' });
}

test('Settings: theme (System default, Dark, Light) and language apply at once and are remembered; Escape and Close', async ({ browser, pchat }) => {
  const { alice } = await pchat.api.seedRoom();
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await signInThroughUi(page, pchat.url, alice);
  const html = page.locator('html');
  // System is the default and follows prefers-color-scheme (dark here).
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const theme = dialog.getByRole('radiogroup', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
  const darkBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await theme.getByRole('radio', { name: 'Light' }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe(darkBackground);
  await theme.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings' }).click();
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
  await expect(page.getByRole('dialog', { name: 'Réglages' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Salons' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'fr');
  await page.getByRole('dialog', { name: 'Réglages' }).getByRole('button', { name: 'Fermer' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Salons' })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBeTruthy();
  await page.getByRole('button', { name: 'Réglages' }).click();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'English' });
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await context.close();
});

test('Settings → Sessions: this device marked, another signed out; password change', async ({ browser, pchat }) => {
  const { alice } = await pchat.api.seedRoom();
  const other = await newSignedInPage(browser, pchat.url, alice);
  const page = await newSignedInPage(browser, pchat.url, alice);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const sessions = dialog.getByRole('region', { name: 'Sessions' });
  // Three: the API's own sign-in, `other` and this page.
  await expect(sessions.getByRole('listitem')).toHaveCount(3);
  await expect(sessions.getByRole('listitem').filter({ hasText: 'This device' })).toHaveCount(1);
  await sessions.getByRole('button', { name: 'Sign out this session' }).first().click();
  await expect(sessions.getByRole('listitem')).toHaveCount(2);

  const form = dialog.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('wrong');
  await form.getByLabel('New password', { exact: true }).fill('n3w-secret');
  await form.getByLabel('Repeat the new password').fill('n3w-secret');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form).toContainText('Wrong user name or password.');
  await form.getByLabel('Current password').fill(alice.password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText('Password changed. Your other sessions were signed out.');
  // The other device lands on the sign-in form.
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await other.context().close();
  await page.context().close();
});

test('Ctrl+K opens "Jump to room"; Enter opens the first match with the focus in the composer; Alt+Down keeps it there', async ({ browser, pchat }) => {
  const { category, room, alice } = await pchat.api.seedRoom();
  const tag = unique('jump');
  // Named to sort right after the seeded room: Alt+Up from it must land on that room, not on the
  // last room of whichever category another spec created above this one (it may have no composer).
  const target = await pchat.api.createRoom({ categoryId: category.id, name: `${room.name} ${tag} target` });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await page.getByRole('textbox', { name: 'Message' }).focus();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Jump to room' });
  await expect(dialog).toBeVisible();
  const combo = dialog.getByRole('combobox', { name: 'Room' });
  await expect(combo).toBeFocused();
  await combo.fill(tag.slice(0, 8));
  await expect(dialog.getByRole('option', { name: target.name })).toBeVisible();
  await combo.press('Enter');
  await expect(page.getByRole('heading', { name: target.name, exact: true })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();

  // Alt+Up/Down switches rooms without dropping the focus from the composer (issue 11).
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('heading', { name: target.name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('heading', { name: target.name, exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.context().close();
});

test('sign-in page focuses its first empty field; after signing in again the last room opens', async ({ browser, pchat }) => {
  const { category, room, alice } = await pchat.api.seedRoom();
  const second = await pchat.api.createRoom({ categoryId: category.id });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pchat.url);
  // The server is filled in from the page's origin, so "User name" is the first empty field.
  await expect(page.getByRole('textbox', { name: 'User name' })).toBeFocused();
  await signInThroughUi(page, pchat.url, alice);
  await openRoom(page, room.name);
  await openRoom(page, second.name);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('textbox', { name: 'User name' })).toBeFocused();
  await page.getByRole('textbox', { name: 'User name' }).fill(alice.name);
  await page.getByLabel('Password').fill(alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: second.name, exact: true })).toBeVisible();
  await expect(page.getByText('Choose a room on the left.')).toHaveCount(0);
  await context.close();
});

test('a closed room explains itself to a non-member; the directory finds and joins open rooms', async ({ browser, pchat }) => {
  const { category, alice, bob } = await pchat.api.seedRoom();
  const closed = await pchat.api.createRoom({ categoryId: category.id, privacy: 'closed', description: 'Deal desk only', members: [bob.name], managers: [bob.name] });
  const open = await pchat.api.createRoom({ categoryId: category.id, description: `Find me ${unique('x')}` });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await nav(page).getByRole('button', { name: closed.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: closed.name })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Closed room' }).first()).toBeVisible();
  await expect(page.getByText('Deal desk only')).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Ask one of its managers to add you.');
  // …and names whom to ask (rooms:list tells a non-member who manages a closed room).
  await expect(page.getByRole('main').getByText(/^Managed by /)).toContainText(bob.name);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Room directory' }).click();
  const directory = page.getByRole('region', { name: 'Room directory' });
  await directory.getByRole('searchbox', { name: 'Find a room' }).fill(open.description.slice(8));
  await expect(directory.getByRole('listitem')).toHaveCount(1);
  await directory.getByRole('button', { name: `Join ${open.name}` }).click();
  await expect(page.getByRole('heading', { name: open.name, exact: true })).toBeVisible();
  await page.context().close();
});

test('a category created live files its rooms under its name; live rooms take their sorted place', async ({ browser, pchat }) => {
  const { alice } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, alice);
  const fresh = await pchat.api.createCategory();
  const tag = unique('sort');
  await pchat.api.createRoom({ categoryId: fresh.id, name: `${tag} b` });
  await pchat.api.createRoom({ categoryId: fresh.id, name: `${tag} a` });
  const group = nav(page).getByRole('group', { name: fresh.name });
  await expect(group.getByRole('button')).toHaveText([`${tag} a`, `${tag} b`]);
  await expect(nav(page).getByRole('group', { name: 'Other rooms' })).toHaveCount(0);
  await page.context().close();
});

test('layout: at 800×600 the side panes fold behind Participants and Add-in; at 360 px the room list behind Rooms', async ({ browser, pchat }) => {
  const addin = await pchat.api.createAddin(unique('Pane'), 'https://example.com/');
  const { room, alice } = await pchat.api.seedRoom({ room: { addinId: addin.id } });
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  await signInThroughUi(page, pchat.url, alice);
  await openRoom(page, room.name);
  const composer = page.getByRole('textbox', { name: 'Message' });
  expect((await composer.boundingBox())?.width ?? 0).toBeGreaterThan(300);
  await expect(page.getByRole('region', { name: 'Participants' })).toBeHidden();
  await page.getByRole('button', { name: 'Participants' }).click();
  await expect(page.getByRole('region', { name: 'Participants' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Participants' })).toBeHidden();
  await page.getByRole('button', { name: 'Add-in', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Add-in' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Participants' })).toBeHidden();

  await page.setViewportSize({ width: 360, height: 640 });
  await expect(nav(page)).toBeHidden();
  await page.getByRole('button', { name: 'Rooms' }).click();
  await expect(nav(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nav(page)).toBeHidden();
  await page.getByRole('button', { name: 'Rooms' }).click();
  await nav(page).getByRole('button', { name: room.name, exact: true }).click();
  await expect(nav(page)).toBeHidden();
  // The Escape that folded the room list folded the add-in column opened at 800 px too.
  await expect(page.getByRole('region', { name: 'Add-in' })).toBeHidden();
  await page.screenshot({ path: 'test-results/screenshots/room-360x640-light.png' });
  expect((await composer.boundingBox())?.width ?? 0).toBeGreaterThan(200);
  await messageLog(page).waitFor();
  await context.close();
});

test('"Load older messages" only when something is older (issue 11)', async ({ browser, pchat }) => {
  const { category, room: exact, alice, bob } = await pchat.api.seedRoom({ messages: 30 });
  const more = await pchat.api.createRoom({ categoryId: category.id });
  await pchat.api.postMessages(bob.token, more.id, Array.from({ length: 31 }, (_, i) => `more ${i + 1}`));
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, exact.name);
  await expect(messageLog(page).getByRole('article')).toHaveCount(30);
  await expect(page.getByRole('button', { name: 'Load older messages' })).toHaveCount(0);
  await openRoom(page, more.name);
  await expect(page.getByRole('button', { name: 'Load older messages' })).toBeVisible();
  await page.getByRole('button', { name: 'Load older messages' }).click();
  await expect(messageLog(page).getByText('more 1', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Load older messages' })).toHaveCount(0);
  await page.context().close();
});
