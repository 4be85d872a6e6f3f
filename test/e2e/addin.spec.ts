// The add-in pane against the real server in Chromium, with a real third-party add-in: a page
// on a second loopback HTTP server (another origin) that records what it receives and tries to
// reach the app. PROTOCOL.md §6, DESIGN.md §1 item 4.
import type { Frame, Page } from '@playwright/test';
import { startAddinRecorder, readRecord, receivedOfType, type AddinRecorderServer } from './fixtures/addin-recorder-server';
import { HttpError, unique } from './fixtures/pchat-api';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

let recorder: AddinRecorderServer;
test.beforeAll(async () => {
  recorder = await startAddinRecorder();
});
test.afterAll(async () => {
  await recorder.close();
});

const SANDBOX = 'allow-scripts allow-forms allow-popups allow-same-origin';

async function addinFrame(page: Page): Promise<Frame> {
  const handle = await page.getByRole('region', { name: 'Add-in' }).locator('iframe').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the add-in iframe has no frame');
  return frame;
}

async function countOf(frame: Frame, type: string): Promise<number> {
  return receivedOfType(await readRecord(frame), type).length;
}

test('a third-party add-in gets the context and each new message once, and cannot reach the app', async ({ browser, pchat }) => {
  const addin = await pchat.api.createAddin(unique('Recorder'), recorder.pageUrl);
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 3, room: { addinId: addin.id } });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const appUrl = page.url();
  const appOrigin = new URL(pchat.url).origin;

  const iframe = page.getByRole('region', { name: 'Add-in' }).locator('iframe');
  await expect(iframe).toHaveAttribute('title', addin.name);
  await expect(iframe).toHaveAttribute('sandbox', SANDBOX);
  await expect(iframe).toHaveAttribute('referrerpolicy', 'no-referrer');
  await expect(iframe).toHaveAttribute('allow', '');
  const frame = await addinFrame(page);

  // The context, from the app's origin and window, once the frame has loaded.
  await expect.poll(() => countOf(frame, 'pchat:context')).toBe(1);
  const first = await readRecord(frame);
  expect(first.info.origin).toBe(recorder.origin);
  expect(receivedOfType(first, 'pchat:context')[0]).toEqual({
    origin: appOrigin,
    fromParent: true,
    data: { type: 'pchat:context', room: { id: room.id, name: room.name }, user: { displayName: alice.user.displayName }, locale: 'en' },
  });
  // The three seeded messages are history: none of them is sent.
  expect(receivedOfType(first, 'pchat:message')).toEqual([]);

  // Every attempt to reach the app failed; the add-in has no app cookie or storage of its own.
  for (const name of ['parentDocument', 'topDocument', 'topHref', 'parentLocalStorage', 'parentSessionStorage', 'parentCookie', 'frameElement']) {
    expect(first.attempts[name], name).toMatchObject({ ok: false });
  }
  expect(first.info.referrer).toBe('');
  expect(first.info.cookie).toBe('');
  expect(first.info.storageKeys).toEqual([]);
  // …while the app does hold a token there, so there was something to steal.
  expect(await page.evaluate(() => Object.keys(localStorage))).toContainEqual(expect.stringMatching(/^pchat\.token:/));

  // Another user's message arrives exactly once, with the four documented fields.
  const [posted] = await pchat.api.postMessages(bob.token, room.id, [`watching $MSFT ${unique('m')}`]);
  await expect.poll(() => countOf(frame, 'pchat:message')).toBe(1);
  // The sender's own message: ack and broadcast both reach the app, the add-in still gets it once.
  const own = `own $AAPL ${unique('m')}`;
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(own);
  await composer.press('Enter');
  await expect(messageLog(page).getByRole('article').filter({ hasText: own })).not.toContainText('Sending…');
  await expect.poll(() => countOf(frame, 'pchat:message')).toBe(2);
  await page.waitForTimeout(500);
  const messages = receivedOfType(await readRecord(frame), 'pchat:message');
  expect(messages).toHaveLength(2);
  expect(messages[0]).toEqual({
    origin: appOrigin,
    fromParent: true,
    data: { type: 'pchat:message', message: { seq: posted!.seq, senderName: bob.user.displayName, text: posted!.text, createdAt: posted!.createdAt } },
  });
  expect(messages[1]?.data).toMatchObject({ message: { seq: posted!.seq + 1, senderName: alice.user.displayName, text: own } });

  // From the frame: a made-up command is ignored, pchat:ready only re-sends the context, and
  // navigating the app is refused.
  await frame.evaluate(() => {
    window.parent.postMessage({ type: 'pchat:navigate', url: 'javascript:document.title="pwned"' }, '*');
    window.parent.postMessage({ type: 'pchat:ready' }, '*');
  });
  await expect.poll(() => countOf(frame, 'pchat:context')).toBe(2);
  const navigation = await frame.evaluate((target) => {
    try {
      window.top!.location.href = target;
      return 'no error';
    } catch (error) {
      return (error as Error).name;
    }
  }, `${recorder.origin}/recorder.html?escaped`);
  await page.waitForTimeout(500);
  test.info().annotations.push(
    { type: 'top navigation attempt', description: navigation },
    { type: 'ancestorOrigins seen by the add-in', description: JSON.stringify(first.info.ancestorOrigins) },
  );
  expect(page.url(), `top navigation attempt answered: ${navigation}`).toBe(appUrl);
  await expect(page).not.toHaveTitle('pwned');
  await expect(page.getByRole('heading', { name: room.name, exact: true })).toBeVisible();
  await page.context().close();
});

test('add-in URLs other than http/https cannot be registered, nor set later', async ({ pchat }) => {
  for (const url of ['javascript:alert(1)', 'data:text/html,<p>x</p>', 'file:///etc/passwd', 'ftp://example.org/x']) {
    const refused = await pchat.api.createAddin(unique('Evil'), url).catch((error: unknown) => error);
    expect(refused, url).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status, url).toBe(400);
  }
  const addin = await pchat.api.createAddin(unique('Fine'), recorder.pageUrl);
  const patched = await pchat.api
    .request('PATCH', `/api/admin/addins/${addin.id}`, { url: 'javascript:alert(1)' })
    .catch((error: unknown) => error);
  expect((patched as HttpError).status).toBe(400);
});

test('the pane collapses and resizes, and remembers both for the room after a reload', async ({ browser, pchat }) => {
  const addin = await pchat.api.createAddin(unique('Recorder'), recorder.pageUrl);
  const { room, alice } = await pchat.api.seedRoom({ room: { addinId: addin.id } });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const region = page.getByRole('region', { name: 'Add-in' });
  const handle = region.getByRole('separator', { name: 'Resize the add-in pane' });
  await expect(handle).toHaveAttribute('aria-valuenow', '320');
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', '352');
  expect(Math.round((await region.boundingBox())!.width)).toBe(352);
  const toggle = region.getByRole('button', { name: addin.name });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(region.locator('iframe')).toBeHidden();

  await page.reload();
  await openRoom(page, room.name);
  const again = page.getByRole('region', { name: 'Add-in' }).getByRole('button', { name: addin.name });
  await expect(again).toHaveAttribute('aria-expanded', 'false');
  await again.click();
  await expect(page.getByRole('region', { name: 'Add-in' }).getByRole('separator')).toHaveAttribute('aria-valuenow', '352');
  await page.context().close();
});

test('the example ticker add-in, as a third party: a card per posted ticker, and nothing from other windows', async ({ browser, pchat }) => {
  const addin = await pchat.api.createAddin(unique('Tickers'), recorder.tickerUrl);
  const { room, alice, bob } = await pchat.api.seedRoom({ messages: 1, room: { addinId: addin.id } });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const cards = page.getByRole('region', { name: 'Add-in' }).frameLocator('iframe').getByRole('list', { name: 'Tickers mentioned' });
  await expect(page.getByRole('region', { name: 'Add-in' }).frameLocator('iframe').getByText(`Following tickers posted in ${room.name}`)).toBeVisible();
  await pchat.api.postMessages(bob.token, room.id, ['Buying $MSFT and $ACME, not $lower']);
  await expect(cards.getByRole('listitem')).toHaveCount(2);
  await expect(cards.getByRole('listitem', { name: '$MSFT' })).toContainText(`Mentioned by ${bob.user.displayName}`);
  // A message that does not come from its parent window is not believed.
  const frame = await addinFrame(page);
  await frame.evaluate(() => {
    const forged = { type: 'pchat:message', message: { seq: 99, senderName: 'x', text: '$FAKE', createdAt: '' } };
    window.postMessage(forged, '*');
  });
  await page.waitForTimeout(300);
  await expect(cards.getByRole('listitem')).toHaveCount(2);
  await page.context().close();
});
