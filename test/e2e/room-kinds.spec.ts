// Issue 4e: auditoriums, and rooms that change or go away while open.
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

test('in an auditorium only presenters post; others see a note and a disabled composer', async ({ browser, pchat }) => {
  const { category, alice, bob } = await pchat.api.seedRoom();
  const room = await pchat.api.createRoom({ categoryId: category.id, type: 'auditorium', presenters: [bob.name] });
  const listener = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(listener, room.name);
  await expect(listener.getByText('This is an auditorium: only presenters can post here.')).toBeVisible();
  await expect(listener.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await expect(listener.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(listener.getByRole('button', { name: 'Attach file' })).toHaveCount(0);

  const presenter = await newSignedInPage(browser, pchat.url, bob);
  await openRoom(presenter, room.name);
  await presenter.getByRole('textbox', { name: 'Message' }).fill('welcome, everyone');
  await presenter.getByRole('button', { name: 'Send' }).click();
  await expect(messageLog(listener).getByRole('article').filter({ hasText: 'welcome, everyone' })).toHaveCount(1);
  await listener.context().close();
  await presenter.context().close();
});

test('a renamed room updates the list and the open room', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 2 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const renamed = `${room.name} (renamed)`;
  await pchat.api.patchRoom(room.id, { name: renamed });
  await expect(page.getByRole('heading', { name: renamed, exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name: renamed, exact: true })).toBeVisible();
  await expect(messageLog(page).getByRole('article')).toHaveCount(2);
  await page.context().close();
});

test('a deleted room closes with an explanation and leaves the list', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 1 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await pchat.api.deleteRoom(room.id);
  await expect(page.getByText(`“${room.name}” is no longer available to you`)).toBeVisible();
  await expect(messageLog(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name: room.name })).toHaveCount(0);
  await page.context().close();
});

test('a room disabled while open closes with an explanation', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 1 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await pchat.api.patchRoom(room.id, { disabled: true });
  await expect(page.getByRole('status').filter({ hasText: room.name })).toBeVisible();
  await expect(messageLog(page)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await page.context().close();
});

test('becoming a presenter enables the composer at once (room:updated)', async ({ browser, pchat }) => {
  const { category, alice, bob } = await pchat.api.seedRoom();
  const room = await pchat.api.createRoom({ categoryId: category.id, type: 'auditorium', presenters: [bob.name] });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await pchat.api.patchRoom(room.id, { presenters: [bob.name, alice.name] });
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEnabled();
  await expect(page.getByText('This is an auditorium: only presenters can post here.')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Message' }).fill('now I may speak');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'now I may speak' })).toHaveCount(1);
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'now I may speak' })).not.toContainText('Sending…');
  await page.context().close();
});

test('a message removed by an administrator disappears from the open room', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 3 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await expect(messageLog(page).getByRole('article')).toHaveCount(3);
  await pchat.api.request('POST', `/api/admin/rooms/${room.id}/remove-messages`, { contains: 'message 002' });
  await expect(messageLog(page).getByRole('article')).toHaveCount(2);
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'message 002' })).toHaveCount(0);
  await page.context().close();
});
