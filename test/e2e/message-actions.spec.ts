// Issue 10 (DESIGN §1b, PROTOCOL §11) in the browser: the per-message toolbar on hover and on
// keyboard focus; edit in place with "(edited)" seen live by others; Up-arrow edits the last
// message; Delete behind a dialog; reactions with counts, aria-pressed and who reacted; replies
// with a quote that jumps to the original; refusals shown in role="alert" with the text kept.
import { unique } from './fixtures/pchat-api';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

test('edit, (edited) live for others, Up-arrow, and delete behind a dialog', async ({ browser, pchat }) => {
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 2 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  const other = await newSignedInPage(browser, pchat.url, bob);
  await openRoom(page, room.name);
  await openRoom(other, room.name);
  const log = messageLog(page);
  const composer = page.getByRole('textbox', { name: 'Message' });
  const typo = unique('tpyo');
  await composer.fill(typo);
  await composer.press('Enter');
  const mine = log.getByRole('article').filter({ hasText: typo });
  await expect(mine).not.toContainText('Sending…');

  // Hover shows the toolbar; the author may edit and delete, not others' messages.
  await mine.hover();
  await expect(mine.getByRole('button', { name: 'Reply' })).toBeVisible();
  await expect(mine.getByRole('button', { name: 'Add reaction' })).toBeVisible();
  await expect(mine.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(mine.getByRole('button', { name: 'Edit' })).toBeVisible();
  const bobs = log.getByRole('article').filter({ hasText: 'seed message 001' });
  await expect(bobs.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(bobs.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  await mine.getByRole('button', { name: 'Edit' }).click();
  const box = page.getByRole('textbox', { name: 'Edit message' });
  await expect(box).toHaveValue(typo);
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await box.press('Escape');
  await expect(box).toHaveCount(0);

  // Up-arrow in the empty composer edits the last own message; Enter saves.
  const fixed = unique('typo fixed');
  await composer.click();
  await composer.press('ArrowUp');
  await expect(box).toBeFocused();
  await box.fill(fixed);
  await box.press('Enter');
  const edited = log.getByRole('article').filter({ hasText: fixed });
  await expect(edited).toContainText('(edited)');
  await expect(messageLog(other).getByRole('article').filter({ hasText: fixed })).toContainText('(edited)');
  await expect(log.getByRole('article').filter({ hasText: typo })).toHaveCount(0);

  // Delete asks first; Cancel keeps it, Delete removes it for everyone.
  await edited.hover();
  await edited.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(edited).toHaveCount(1);
  await edited.hover();
  await edited.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(log.getByRole('article').filter({ hasText: fixed })).toHaveCount(0);
  await expect(messageLog(other).getByRole('article').filter({ hasText: fixed })).toHaveCount(0);
  await page.context().close();
  await other.context().close();
});

test('the toolbar also appears on keyboard focus', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 1 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const article = messageLog(page).getByRole('article').filter({ hasText: 'seed message 001' });
  await article.focus();
  const reply = article.getByRole('button', { name: 'Reply' });
  await expect.poll(() => reply.evaluate((el) => getComputedStyle(el.parentElement as Element).opacity)).toBe('1');
  await page.keyboard.press('Tab');
  await expect(reply).toBeFocused();
  await page.context().close();
});

test('editing in a category that forbids it is refused with the reason shown and the text kept', async ({ browser, pchat }) => {
  const { room, alice, category } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const composer = page.getByRole('textbox', { name: 'Message' });
  const text = unique('locked');
  await composer.fill(text);
  await composer.press('Enter');
  const mine = messageLog(page).getByRole('article').filter({ hasText: text });
  await expect(mine).not.toContainText('Sending…');
  await mine.hover();
  await mine.getByRole('button', { name: 'Edit' }).click();
  // The category's switch goes off while the box is open: the server refuses the save.
  await pchat.api.patchCategory(category.id, { messageEdits: false });
  const box = page.getByRole('textbox', { name: 'Edit message' });
  await box.fill(`${text} changed`);
  await box.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('You are not allowed to do that in this room.');
  await expect(box).toHaveValue(`${text} changed`);
  // The change reached the client with the room (room:updated): Edit and Delete are no longer offered.
  await box.press('Escape');
  await mine.hover();
  await expect(mine.getByRole('button', { name: 'Reply' })).toBeVisible();
  await expect(mine.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(mine.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await page.context().close();
});

test('reactions: picker, "<emoji> <count>", aria-pressed, who reacted, toggling, text refused', async ({ browser, pchat }) => {
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 1 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  const other = await newSignedInPage(browser, pchat.url, bob);
  await openRoom(page, room.name);
  await openRoom(other, room.name);
  const article = messageLog(page).getByRole('article').filter({ hasText: 'seed message 001' });
  await article.hover();
  await article.getByRole('button', { name: 'Add reaction' }).click();
  const picker = page.getByRole('dialog');
  for (const emoji of ['👍', '❤️', '😄', '🎉', '😮', '😢']) await expect(picker.getByRole('button', { name: emoji, exact: true })).toBeVisible();
  await picker.getByRole('button', { name: '👍', exact: true }).click();
  const mine = article.getByRole('button', { name: '👍 1' });
  await expect(mine).toHaveAttribute('aria-pressed', 'true');

  // Bob sees it live and adds his: the count is 2 for both, pressed only for each one's own.
  const theirs = messageLog(other).getByRole('article').filter({ hasText: 'seed message 001' }).getByRole('button', { name: '👍 1' });
  await expect(theirs).toHaveAttribute('aria-pressed', 'false');
  await theirs.click();
  await expect(article.getByRole('button', { name: '👍 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(article.getByRole('button', { name: '👍 2' })).toHaveAttribute('title', new RegExp(`${alice.user.displayName}.*${bob.user.displayName}|${bob.user.displayName}.*${alice.user.displayName}`));

  // Toggling off.
  await article.getByRole('button', { name: '👍 2' }).click();
  await expect(article.getByRole('button', { name: '👍 1' })).toHaveAttribute('aria-pressed', 'false');

  // Search, then text the server refuses.
  await article.hover();
  await article.getByRole('button', { name: 'Add reaction' }).click();
  const search = page.getByRole('searchbox', { name: 'Search emoji' });
  await search.fill('party');
  await expect(page.getByRole('dialog').getByRole('button')).toHaveText(['🎉']);
  await search.fill('not an emoji');
  await expect(page.getByRole('dialog').getByRole('button')).toHaveCount(0);
  await search.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The server did not accept that request.');
  await page.context().close();
  await other.context().close();
});

test('reply: quote above the composer, Cancel reply, the sent reply quotes and links to the original', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ defaultChatHistory: 10 });
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 25 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const log = messageLog(page);
  const original = log.getByRole('article').filter({ hasText: 'seed message 020' });
  await original.hover();
  await original.getByRole('button', { name: 'Reply' }).click();
  await expect(page.getByText(`Replying to ${bob.user.displayName}`)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(page.getByText(`Replying to ${bob.user.displayName}`)).toHaveCount(0);

  await original.hover();
  await original.getByRole('button', { name: 'Reply' }).click();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await expect(composer).toBeFocused();
  const answer = unique('my answer');
  await composer.fill(answer);
  await composer.press('Enter');
  const reply = log.getByRole('article').filter({ hasText: answer });
  await expect(reply).not.toContainText('Sending…');
  const quote = reply.getByRole('link', { name: new RegExp(`In reply to ${bob.user.displayName}`) });
  await expect(quote).toContainText('seed message 020');
  await expect(quote).toHaveAttribute('href', `${pchat.url}/r/${room.id}/20`);
  await expect(page.getByRole('button', { name: 'Cancel reply' })).toHaveCount(0);

  // Bob replies to a message older than the first page; clicking the quote loads it and marks it.
  const socket = await pchat.api.socketFor(bob.token);
  const ack = await socket.timeout(10_000).emitWithAck('message:send', { roomId: room.id, clientId: unique('c'), text: 'about the start', replyToSeq: 3 });
  expect(ack.ok).toBe(true);
  const late = log.getByRole('article').filter({ hasText: 'about the start' });
  await late.getByRole('link', { name: /In reply to/ }).click();
  const target = log.getByRole('article').filter({ hasText: 'seed message 003', hasNotText: 'In reply to' });
  await expect(target).toHaveAttribute('aria-current', 'true');
  await expect(target).toBeInViewport();

  // A reply to a seq that does not exist is refused by the server.
  const missing = await socket.timeout(10_000).emitWithAck('message:send', { roomId: room.id, clientId: unique('c'), text: 'to nowhere', replyToSeq: 9999 });
  expect(missing).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  await page.context().close();
});

test("an administrator's remove-messages --replace-with shows at once in open clients", async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 3 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const log = messageLog(page);
  await expect(log.getByRole('article').filter({ hasText: 'seed message 002' })).toHaveCount(1);
  await pchat.api.request('POST', `/api/admin/rooms/${room.id}/remove-messages`, { contains: 'seed message 002', replaceWith: 'removed by the compliance officer' });
  await expect(log.getByRole('article').filter({ hasText: 'removed by the compliance officer' })).toHaveCount(1);
  await expect(log.getByRole('article').filter({ hasText: 'seed message 002' })).toHaveCount(0);
  await page.context().close();
});

test('a reply to a message deleted meanwhile is refused: the alert says so and the text is kept', async ({ browser, pchat }) => {
  const { room, alice, bob, seeded } = await pchat.api.seedRoom({ messages: 2 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const log = messageLog(page);
  const original = log.getByRole('article').filter({ hasText: 'seed message 001' });
  await original.hover();
  await original.getByRole('button', { name: 'Reply' }).click();
  // Bob takes his message back before the reply goes out.
  const socket = await pchat.api.socketFor(bob.token);
  const removed = await socket.timeout(10_000).emitWithAck('message:delete', { roomId: room.id, seq: seeded[0]?.seq ?? 1 });
  expect(removed.ok).toBe(true);
  await expect(original).toHaveCount(0);
  const composer = page.getByRole('textbox', { name: 'Message' });
  const text = unique('answer to nothing');
  await composer.fill(text);
  await composer.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The server did not accept that request.');
  const kept = log.getByRole('article').filter({ hasText: text });
  await expect(kept).toContainText('Not sent.');
  await expect(kept.getByRole('button', { name: 'Retry' })).toBeVisible();
  await page.context().close();
});

test('the picker on the newest message opens upwards, fully in view, and focus returns to its button', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 30 });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const newest = messageLog(page).getByRole('article').filter({ hasText: 'seed message 030' });
  await newest.hover();
  const open = newest.getByRole('button', { name: 'Add reaction' });
  await open.click();
  const picker = page.getByRole('dialog');
  for (const emoji of ['👍', '😢']) await expect(picker.getByRole('button', { name: emoji, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(picker.getByRole('searchbox', { name: 'Search emoji' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(open).toBeFocused();
  await open.click();
  await page.getByRole('dialog').getByRole('button', { name: '😢', exact: true }).click();
  await expect(newest.getByRole('button', { name: '😢 1' })).toHaveAttribute('aria-pressed', 'true');
  await page.context().close();
});

test('the picker opening downwards stays above the rows after it', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 3 });
  await pchat.api.postMessages(alice.token, room.id, ['a longer message\n> with a quote\n- and\n- a list\n\nthat fills the rows below']);
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const second = messageLog(page).getByRole('article').filter({ hasText: 'seed message 002' });
  await second.hover();
  await second.getByRole('button', { name: 'Add reaction' }).click();
  // A plain click: Playwright refuses it if a later row paints over the picker.
  await page.getByRole('dialog').getByRole('button', { name: '🎉', exact: true }).click({ timeout: 5_000 });
  await expect(second.getByRole('button', { name: '🎉 1' })).toHaveAttribute('aria-pressed', 'true');
  await page.context().close();
});
