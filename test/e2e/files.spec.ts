// Issue 4d: the file limit is known before picking (refused at once, nothing sent), uploads show
// progress and can be cancelled, file messages show name and size and download on click, and
// drag-and-drop and paste attach too.
import type { Page } from '@playwright/test';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

function watchUploads(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/rooms\/[^/]+\/files/.test(request.url())) seen.push(request.url());
  });
  return seen;
}

test('a file over maxFileSizeKB is refused at once, naming the limit, with no request', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ maxFileSizeKB: 1 });
  const { room, alice } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, alice);
  const uploads = watchUploads(page);
  await openRoom(page, room.name);
  await page.getByLabel('Attach file').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1025) });
  await expect(page.getByRole('alert')).toHaveText('“big.bin” is 1.01 KB: files may be at most 1 KB.');
  await expect(messageLog(page).getByRole('article')).toHaveCount(0);

  // The limit is live: raised on the server, the same file now goes out.
  await pchat.api.setConfig({ maxFileSizeKB: 2 });
  const request = page.waitForRequest(/\/api\/rooms\/[^/]+\/files/);
  await page.getByLabel('Attach file').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1025) });
  await request;
  expect(uploads).toHaveLength(1);
  await page.context().close();
});

test('no "Attach file" where the category turns uploads off', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ category: { fileUpload: false } });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Attach file' })).toHaveCount(0);
  await page.context().close();
});

test('upload shows a file message with name and size that downloads on click, for everyone', async ({ browser, pchat }) => {
  const { room, alice, bob } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, alice);
  const other = await newSignedInPage(browser, pchat.url, bob);
  await openRoom(page, room.name);
  await openRoom(other, room.name);
  const content = Buffer.from('quarterly numbers\n'.repeat(200));
  await page.getByLabel('Attach file').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: content });

  const article = messageLog(other).getByRole('article').filter({ hasText: 'report.txt' });
  await expect(article).toHaveCount(1);
  await expect(article).toContainText('3.5 KB');
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'report.txt' })).toHaveCount(1);
  const download = other.waitForEvent('download');
  await article.getByRole('button', { name: 'Download report.txt' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('report.txt');
  const { readFile } = await import('node:fs/promises');
  expect((await readFile(await file.path())).equals(content)).toBe(true);
  await page.context().close();
  await other.context().close();
});

test('a slow upload shows progress and can be cancelled, leaving no message', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  // A real slow link (Chromium's network emulation), so there is time to see progress and cancel.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 64 * 1024,
  });
  await page.getByLabel('Attach file').setInputFiles({ name: 'slow.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(2 * 1024 * 1024) });
  await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByRole('alert')).toHaveText('Upload cancelled.');
  await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(messageLog(page).getByRole('article')).toHaveCount(0);
  await page.context().close();
});

test('dropping a file on the conversation, or pasting one into the composer, attaches it', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['dropped bytes'], 'dropped.txt', { type: 'text/plain' }));
    return data;
  });
  await messageLog(page).dispatchEvent('dragover', { dataTransfer: dropped });
  await messageLog(page).dispatchEvent('drop', { dataTransfer: dropped });
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'dropped.txt' })).toHaveCount(1);

  await page.getByRole('textbox', { name: 'Message' }).evaluate((box) => {
    const data = new DataTransfer();
    data.items.add(new File(['pasted bytes'], 'pasted.png', { type: 'image/png' }));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(messageLog(page).getByRole('article').filter({ hasText: 'pasted.png' })).toHaveCount(1);
  await page.context().close();
});
