// Issue 10 in the browser: text that reads well. Markdown as elements (raw HTML literal), day
// separators, one sender's run grouped under one avatar, image attachments as thumbnails that
// open full size (with the server's nosniff and CSP in force), the beginning-of-room marker,
// and a composer draft that survives a room switch and a reload.
import { deflateSync } from 'node:zlib';
import { unique } from './fixtures/pchat-api';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

/** A valid w×h PNG (a solid colour), built here so the test needs no binary fixture. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

test('Markdown renders as elements, raw HTML stays literal, days are separated, a run is grouped', async ({ browser, pchat }) => {
  const { room, alice, bob } = await pchat.api.seedRoom();
  await pchat.api.postMessages(bob.token, room.id, [
    '**bold** *italic* ~~gone~~ `code` [docs](https://example.com/docs)',
    '> quoted\n\n- one\n- two\n\n```\nconst x = 1 < 2;\n```',
    '<b>not bold</b> and [bad](javascript:alert(1))',
  ]);
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const log = messageLog(page);
  const articles = log.getByRole('article');
  await expect(articles).toHaveCount(3);
  const first = articles.nth(0);
  await expect(first.locator('strong')).toHaveText('bold');
  await expect(first.locator('em')).toHaveText('italic');
  await expect(first.locator('del')).toHaveText('gone');
  await expect(first.locator('code')).toHaveText('code');
  await expect(first.getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://example.com/docs');
  const second = articles.nth(1);
  await expect(second.locator('blockquote')).toHaveText('quoted');
  await expect(second.getByRole('listitem')).toHaveText(['one', 'two']);
  await expect(second.locator('pre code')).toHaveText('const x = 1 < 2;');
  const third = articles.nth(2);
  await expect(third).toContainText('<b>not bold</b> and [bad](javascript:alert(1))');
  await expect(third.locator('b, a')).toHaveCount(0);

  // Today's messages start with a separator named "Today"; one sender's run shows one avatar.
  await expect(log.getByRole('separator')).toHaveText(['Today']);
  await expect(articles.nth(1)).toHaveClass(/grouped/);
  await expect(articles.nth(2)).toContainText(bob.user.displayName);
  // Everything is there: the beginning of the room is marked.
  await expect(log.getByText('This is the beginning of the room.')).toBeVisible();
  await page.context().close();
});

test('an image attachment shows a thumbnail that opens full size', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom();
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const name = `${unique('chart')}.png`;
  await page.getByLabel('Attach file').setInputFiles({ name, mimeType: 'image/png', buffer: png(64, 48) });
  const article = messageLog(page).getByRole('article').filter({ hasText: name });
  const thumbnail = article.getByRole('img', { name });
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([64, 48]);
  // The token never sits in the DOM: the picture comes from a blob: URL.
  expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
  await article.getByRole('button', { name: `Open ${name} full size` }).click();
  const viewer = page.getByRole('dialog', { name });
  await expect(viewer.getByRole('img', { name })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  // The download link stays beside the thumbnail.
  await expect(article.getByRole('button', { name: `Download ${name}` })).toBeVisible();
  await page.context().close();
});

test('a draft survives a room switch and a reload', async ({ browser, pchat }) => {
  const { room, alice, category } = await pchat.api.seedRoom();
  const second = await pchat.api.createRoom({ categoryId: category.id });
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const composer = page.getByRole('textbox', { name: 'Message' });
  const draft = unique('half a thought');
  await composer.fill(draft);
  await openRoom(page, second.name);
  await expect(composer).toHaveValue('');
  // The room with the draft is marked in the list (beside its button, whose name stays the room's).
  const rooms = page.getByRole('navigation', { name: 'Rooms' });
  await expect(rooms.getByRole('listitem').filter({ has: page.getByRole('button', { name: room.name, exact: true }) })).toContainText('Draft');
  await expect(rooms.getByRole('listitem').filter({ has: page.getByRole('button', { name: second.name, exact: true }) })).not.toContainText('Draft');
  await expect(rooms.getByRole('button', { name: room.name, exact: true })).toHaveCount(1);
  await openRoom(page, room.name);
  await expect(composer).toHaveValue(draft);
  // Saving waits for a pause in typing; give it that, then reload.
  await page.waitForTimeout(800);
  await page.reload();
  await openRoom(page, room.name);
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue(draft);
  // Sent, the draft is gone for good.
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(messageLog(page).getByRole('article').filter({ hasText: draft })).not.toContainText('Sending…');
  await page.waitForTimeout(800);
  await page.reload();
  await openRoom(page, room.name);
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await page.context().close();
});
