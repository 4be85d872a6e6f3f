// The last room follows the user to a new device (rooms:list `lastRoomId`): a fresh browser
// context — nothing in its storage — opens, after sign-in, the room last opened in another one,
// with the focus in its composer. The device's own last room and a permalink still come first.
import type { Page } from '@playwright/test';
import { expect, newSignedInPage, openRoom, test } from './fixtures/test';

async function signInHere(page: Page, user: { name: string; password: string }): Promise<void> {
  await page.getByRole('textbox', { name: 'User name' }).fill(user.name);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a fresh browser opens the room last opened in another one; the device’s own and a permalink come first', async ({ browser, pchat }) => {
  const { category, room, alice } = await pchat.api.seedRoom({ messages: 3 });
  const second = await pchat.api.createRoom({ categoryId: category.id });
  const laptop = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(laptop, room.name);
  await openRoom(laptop, second.name);

  // A brand-new device: its storage knows no room, the server does.
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await phone.goto(pchat.url);
  await signInHere(phone, alice);
  await expect(phone.getByRole('heading', { name: second.name, exact: true })).toBeVisible();
  await expect(phone.getByText('Choose a room on the left.')).toHaveCount(0);
  await expect(phone.getByRole('textbox', { name: 'Message' })).toBeFocused();

  // A permalink in the address bar wins over the server's last room.
  const linkContext = await browser.newContext();
  const linked = await linkContext.newPage();
  await linked.goto(`${pchat.url}/r/${encodeURIComponent(room.id)}/2`);
  await signInHere(linked, alice);
  await expect(linked.getByRole('heading', { name: room.name, exact: true })).toBeVisible();
  await expect(linked.locator('[aria-current="true"]')).toBeVisible();

  // The server now remembers that room; the laptop, reloaded, still opens its own last room.
  await laptop.reload();
  await expect(laptop.getByRole('heading', { name: second.name, exact: true })).toBeVisible();

  // With no room anywhere, a fresh device still shows the choice.
  const newcomer = await pchat.api.createUser({});
  const blank = await newSignedInPage(browser, pchat.url, newcomer);
  await expect(blank.getByText('Choose a room on the left.')).toBeVisible();

  await Promise.all([laptop.context().close(), phoneContext.close(), linkContext.close(), blank.context().close()]);
});
