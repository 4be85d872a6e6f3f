// DESIGN §1 item 6: followed rooms, and rooms read once, count unread messages live; opening a
// room reads it; the count is kept by the server, so a reload shows it again; rooms never opened
// nor followed do not count.
import type { Page } from '@playwright/test';
import { expect, newSignedInPage, openRoom, test } from './fixtures/test';

function roomEntry(page: Page, name: string) {
  const rooms = page.getByRole('navigation', { name: 'Rooms' });
  return rooms.getByRole('listitem').filter({ has: page.getByRole('button', { name, exact: true }) });
}

test('unread counts: live for followed rooms, cleared by opening, kept across a reload', async ({ browser, pchat }) => {
  const { category, room: followed, alice, bob } = await pchat.api.seedRoom();
  const elsewhere = await pchat.api.createRoom({ categoryId: category.id });
  const unfollowed = await pchat.api.createRoom({ categoryId: category.id });
  const page = await newSignedInPage(browser, pchat.url, alice);

  await openRoom(page, followed.name);
  const follow = page.getByRole('group', { name: 'Room actions' }).getByRole('button', { name: /^Follow/ });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await expect(follow).toHaveAccessibleName('Follow');
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  // Issue 11: the button says the state.
  await expect(follow).toHaveAccessibleName('Following');
  await openRoom(page, elsewhere.name);

  await pchat.api.postMessages(bob.token, followed.id, ['first news', 'second news']);
  await pchat.api.postMessages(bob.token, unfollowed.id, ['nobody counts this']);
  await expect(roomEntry(page, followed.name)).toContainText('2 unread');
  // The button keeps the room's name as its accessible name, count or not.
  await expect(roomEntry(page, followed.name).getByRole('button')).toHaveAccessibleName(followed.name);
  await expect(roomEntry(page, unfollowed.name)).not.toContainText('unread');
  // Bold means unread, nothing else (issue 11).
  await expect(roomEntry(page, followed.name).getByRole('button')).toHaveCSS('font-weight', /^(6|7|8|9)\d\d$/);
  await expect(roomEntry(page, unfollowed.name).getByRole('button')).toHaveCSS('font-weight', '400');

  await page.reload();
  await expect(roomEntry(page, followed.name)).toContainText('2 unread');
  await expect(roomEntry(page, unfollowed.name)).not.toContainText('unread');

  await openRoom(page, followed.name);
  await expect(page.getByRole('article').filter({ hasText: 'second news' })).toBeVisible();
  await expect(roomEntry(page, followed.name)).not.toContainText('unread');
  await expect(page.getByRole('button', { name: 'Following', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(page.getByRole('heading', { name: followed.name, exact: true })).toBeVisible();
  await expect(roomEntry(page, followed.name)).not.toContainText('unread');
  await page.context().close();
});

test('a room read once counts live after the user moves on, without a follow (issue 11)', async ({ browser, pchat }) => {
  const { category, room: visited, alice, bob } = await pchat.api.seedRoom();
  const elsewhere = await pchat.api.createRoom({ categoryId: category.id });
  await pchat.api.postMessages(bob.token, visited.id, ['before the visit']);
  const page = await newSignedInPage(browser, pchat.url, alice);

  await openRoom(page, visited.name);
  await expect(page.getByRole('article').filter({ hasText: 'before the visit' })).toBeVisible();
  await openRoom(page, elsewhere.name);
  await expect(roomEntry(page, visited.name)).not.toContainText('unread');

  // The room is neither followed nor joined any more: only the server's push can move its count.
  await pchat.api.postMessages(bob.token, visited.id, ['one', 'two', 'three']);
  await expect(roomEntry(page, visited.name)).toContainText('3 unread');
  await expect(roomEntry(page, visited.name).getByRole('button')).toHaveCSS('font-weight', /^(6|7|8|9)\d\d$/);
  await page.context().close();
});
