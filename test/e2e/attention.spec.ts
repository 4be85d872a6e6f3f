// Issue 11 / PROTOCOL §12 in the browser: mentions from rooms not followed (distinct badge as the
// room button's description, the tab title), keyword alerts (the "Alerts" link and region, live
// matches opening at the message), invitations (Accept joins, Decline ends it).
import type { Page } from '@playwright/test';
import { expect, messageLog, newSignedInPage, openRoom, signInThroughUi, test } from './fixtures/test';

function roomButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name, exact: true });
}

test('a mention in a room never opened nor followed: mention badge as the description, "(1) pchat", cleared by reading', async ({ browser, pchat }) => {
  const { category, room: here, alice, bob } = await pchat.api.seedRoom();
  const elsewhere = await pchat.api.createRoom({ categoryId: category.id });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, here.name);
  await expect(page).toHaveTitle('pchat');

  await pchat.api.postMessages(bob.token, elsewhere.id, [`hello @${alice.name}, a word please`]);
  const button = roomButton(page, elsewhere.name);
  await expect(button).toHaveAccessibleDescription(/1 mention/);
  await expect(button).toHaveAccessibleName(elsewhere.name);
  await expect(page.getByRole('navigation', { name: 'Rooms' }).locator('.mention-badge')).toHaveCount(1);
  await expect(page).toHaveTitle('(1) pchat');
  // Still there after a reload: the server counts it (rooms:list `mentions`).
  await page.reload();
  await expect(roomButton(page, elsewhere.name)).toHaveAccessibleDescription(/1 mention/);
  await expect(page).toHaveTitle('(1) pchat');

  await openRoom(page, elsewhere.name);
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'a word please' })).toBeVisible();
  await expect(page).toHaveTitle('pchat');
  await expect(roomButton(page, elsewhere.name)).not.toHaveAccessibleDescription(/mention/);
  await page.context().close();
});

test('keyword alerts: create in the Alerts region, a live match with its room, a click opens the room at the message; edit and delete', async ({ browser, pchat }) => {
  const { room, alice, bob } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, alice);
  const nav = page.getByRole('navigation', { name: 'Rooms' });
  await nav.getByRole('link', { name: /^Alerts/ }).click();
  const region = page.getByRole('region', { name: 'Alerts' });
  await expect(region).toBeVisible();
  await region.getByRole('button', { name: 'New alert' }).click();
  await region.getByLabel('Alert name').fill('Tickers');
  await region.getByLabel('Keywords (comma-separated)').fill('ACME, globex');
  await region.getByRole('button', { name: 'Save alert' }).click();
  await expect(region.getByText('Keywords: ACME, globex')).toBeVisible();

  // Away from the region, a match counts on the link.
  await openRoom(page, room.name);
  await pchat.api.postMessages(bob.token, room.id, ['nothing to see', 'acme shares are up']);
  await pchat.api.postMessages(bob.token, room.id, ['filler 1', 'filler 2']);
  await expect(nav.getByRole('link', { name: /^Alerts.*1 new/ })).toBeVisible();
  await nav.getByRole('link', { name: /^Alerts/ }).click();
  const match = region.getByRole('button', { name: /acme shares are up/ });
  await expect(match).toContainText(room.name);
  await expect(nav.getByRole('link', { name: /^Alerts/ })).toHaveAccessibleName('Alerts');
  await match.click();
  await expect(page.getByRole('heading', { name: room.name, exact: true })).toBeVisible();
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'acme shares are up' })).toBeVisible();

  await nav.getByRole('link', { name: /^Alerts/ }).click();
  await region.getByRole('button', { name: 'Edit Tickers' }).click();
  await region.getByLabel('Keywords (comma-separated)').fill('initech');
  await region.getByRole('button', { name: 'Save alert' }).click();
  await expect(region.getByText('Keywords: initech')).toBeVisible();
  await region.getByRole('button', { name: 'Delete Tickers' }).click();
  await expect(region.getByText('You have no alerts yet.')).toBeVisible();
  await page.context().close();
});

test('invitations: listed live with who invited; Decline ends it, Accept joins the room', async ({ browser, pchat }) => {
  const { category, alice, bob } = await pchat.api.seedRoom({ category: { invitations: true } });
  const page = await newSignedInPage(browser, pchat.url, alice);
  const nav = page.getByRole('navigation', { name: 'Rooms' });
  const first = await pchat.api.createRoom({ categoryId: category.id, privacy: 'closed', description: 'The first', members: [bob.name] });
  const second = await pchat.api.createRoom({ categoryId: category.id, privacy: 'closed', description: 'The second', members: [bob.name] });
  await pchat.api.patchRoom(first.id, { members: [bob.name, alice.name] });
  await pchat.api.patchRoom(second.id, { members: [bob.name, alice.name] });
  const invitations = nav.getByRole('group', { name: 'Invitations' });
  await expect(invitations.getByRole('listitem')).toHaveCount(2);
  const firstItem = invitations.getByRole('listitem').filter({ hasText: first.name });
  await expect(firstItem).toContainText('Invited by');
  await firstItem.getByRole('button', { name: 'Decline' }).click();
  await expect(invitations.getByRole('listitem')).toHaveCount(1);
  // Declined: still a room the user belongs to, no longer an invitation, also after a reload.
  await page.reload();
  await expect(nav.getByRole('group', { name: 'Invitations' }).getByRole('listitem')).toHaveCount(1);
  await nav.getByRole('group', { name: 'Invitations' }).getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { name: second.name, exact: true })).toBeVisible();
  await expect(nav.getByRole('group', { name: 'Invitations' })).toHaveCount(0);
  await page.reload();
  await expect(nav.getByRole('group', { name: 'Invitations' })).toHaveCount(0);
  await page.context().close();
});

test('a mention notification opens the room at the message when clicked', async ({ browser, pchat }) => {
  const { category, room: here, alice, bob } = await pchat.api.seedRoom();
  const elsewhere = await pchat.api.createRoom({ categoryId: category.id });
  const context = await browser.newContext();
  // Headless Chromium shows no notifications to click: a stand-in records them and keeps their
  // onclick, which the app sets exactly as it does for the real one.
  await context.addInitScript(() => {
    const shown: { title: string; onclick: (() => void) | null }[] = [];
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(readonly title: string) {
        shown.push(this);
      }
      close(): void {}
    }
    Object.assign(window, { Notification: RecordedNotification, shownNotifications: shown });
  });
  const page = await context.newPage();
  await signInThroughUi(page, pchat.url, alice);
  await openRoom(page, here.name);
  await pchat.api.postMessages(bob.token, elsewhere.id, ['filler before', `@${alice.name} the figures are in`, 'filler after']);
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications.map((n) => n.title))).toEqual([
    expect.stringContaining(elsewhere.name),
  ]);
  await page.evaluate(() => (window as unknown as { shownNotifications: { onclick: () => void }[] }).shownNotifications[0]?.onclick());
  await expect(page.getByRole('heading', { name: elsewhere.name, exact: true })).toBeVisible();
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'the figures are in' })).toHaveAttribute('aria-current', 'true');
  await context.close();
});
