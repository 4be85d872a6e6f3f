// Hostile message text and display names are inert in the web client: nothing runs (no dialog,
// no global set by an injected handler), nothing is injected into the DOM, the text shows
// literally, only http/https/mailto become links and those open with noopener noreferrer, and
// a very long word wraps instead of widening the conversation.
import { LONG_WORD, XSS_CORPUS } from '../integration/helpers/xss-corpus';
import { unique } from './fixtures/pchat-api';
import { expect, messageLog, newSignedInPage, openRoom, test } from './fixtures/test';

const LINKS_TEXT =
  'links: https://example.com/ok mailto:someone@example.com javascript:alert(1) data:text/html,<b>hi</b> file:///etc/passwd vbscript:msgbox(1) //evil.example/x';
const TYPED = '<img src=x onerror="window.__pwned=9"> typed by hand';

test('hostile messages and display names render as inert text', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom();
  // The sender's display name is itself an attack, as is every message it posts.
  const hostile = await pchat.api.createUser({ displayName: XSS_CORPUS[2] });
  await pchat.api.postMessages(hostile.token, room.id, [...XSS_CORPUS, LINKS_TEXT, LONG_WORD]);
  // A second hostile name, one that would load an image with a handler if parsed as HTML.
  const imgNamed = await pchat.api.createUser({ displayName: XSS_CORPUS[0] });
  await pchat.api.postMessages(imgNamed.token, room.id, ['plain words from an odd name']);
  // Both stay in the room, so their hostile names are in the live participant list too.
  await pchat.api.joinAs(hostile.token, room.id);
  await pchat.api.joinAs(imgNamed.token, room.id);

  const page = await newSignedInPage(browser, pchat.url, alice);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Tall enough that the virtualised list renders every message at once.
  await page.setViewportSize({ width: 1100, height: 3000 });
  await openRoom(page, room.name);
  const log = messageLog(page);
  const articles = log.getByRole('article');
  await expect(articles).toHaveCount(XSS_CORPUS.length + 3);

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(TYPED);
  await composer.press('Enter');
  await expect(articles.filter({ hasText: 'typed by hand' })).toHaveCount(1);
  await expect(articles.filter({ hasText: 'typed by hand' })).not.toContainText('Sending…');

  // Literal text: every hostile string appears character for character in some message.
  const shown = await articles.evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
  for (const text of [...XSS_CORPUS, TYPED, LONG_WORD]) expect(shown.some((s) => s.includes(text)), text).toBe(true);
  // The sender names too, in each of their messages and in the participant list.
  expect(shown.filter((s) => s.includes(XSS_CORPUS[2]!)).length).toBeGreaterThanOrEqual(XSS_CORPUS.length);
  expect(shown.some((s) => s.includes(XSS_CORPUS[0]!) && s.includes('plain words from an odd name'))).toBe(true);
  const participants = page.getByRole('region', { name: 'Participants' });
  await expect(participants).toContainText(XSS_CORPUS[2]!);
  await expect(participants).toContainText(XSS_CORPUS[0]!);

  // Nothing injected and nothing ran.
  const injected = await page.evaluate(() => ({
    inLog: document.querySelector('[role="log"]')?.querySelectorAll('img, script, svg, iframe, style, object, embed, b, i').length ?? -1,
    imgX: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
  }));
  expect(injected).toEqual({ inLog: 0, imgX: 0, handlers: 0, inlineScripts: 0, pwned: null });
  expect(dialogs).toEqual([]);

  // Only http/https/mailto are anchors, each opening outside the app without an opener/referrer.
  const anchors = await log.locator('a').evaluateAll((nodes) =>
    nodes.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') ?? '', target: a.getAttribute('target') })),
  );
  expect(anchors.map((a) => a.href).sort()).toEqual(['https://example.com/ok', 'mailto:someone@example.com']);
  for (const anchor of anchors) {
    expect(anchor.rel.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  }

  // The long word wraps inside the conversation instead of pushing it sideways.
  const overflow = await log.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  // A link click on a refused scheme cannot happen (no anchor), and the app is still usable.
  const after = `after the corpus ${unique('ok')}`;
  await composer.fill(after);
  await composer.press('Enter');
  await expect(articles.filter({ hasText: after })).toHaveCount(1);
  await page.context().close();
});
