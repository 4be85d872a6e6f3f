// Issue 9 #10: an add-in whose frame is redirected to the app's own origin must not get a page
// there that runs with the app's rights (allow-same-origin + allow-scripts would then reach the
// app's localStorage token). Every answer on the app's origin carries `frame-ancestors 'none'`,
// and the demo add-in lives on an origin of its own, so the frame ends on an error page that is
// cross-origin to the app.
import { startAddinRecorder, type AddinRecorderServer } from './fixtures/addin-recorder-server';
import { unique } from './fixtures/pchat-api';
import { expect, newSignedInPage, openRoom, test } from './fixtures/test';

let recorder: AddinRecorderServer;
test.beforeAll(async () => {
  recorder = await startAddinRecorder();
});
test.afterAll(async () => {
  await recorder.close();
});

for (const target of ['/', '/demo/ticker-addin.html', '/manage/', '/api/rooms', '/no-such-page']) {
  test(`a redirect of the add-in frame to the app's ${target} runs nothing with the app's rights`, async ({ browser, pchat }) => {
    const addin = await pchat.api.createAddin(unique('Bouncer'), recorder.redirectUrl(new URL(target, pchat.url).toString()));
    const { room, alice } = await pchat.api.seedRoom({ messages: 1, room: { addinId: addin.id } });
    const page = await newSignedInPage(browser, pchat.url, alice);
    await openRoom(page, room.name);
    const iframe = page.getByRole('region', { name: 'Add-in' }).locator('iframe');
    await expect(iframe).toHaveAttribute('title', addin.name);
    // The app does hold a token, so there would be something to steal.
    expect(await page.evaluate(() => Object.keys(localStorage))).toContainEqual(expect.stringMatching(/^pchat\.token:/));

    // Wait until the frame has settled on whatever the redirect led to.
    await expect
      .poll(async () => (await iframe.elementHandle())?.contentFrame().then((f) => f?.url() ?? ''), { timeout: 10_000 })
      .not.toMatch(/^(about:blank)?$/);
    await page.waitForTimeout(300);
    // Whatever the frame shows, the app cannot reach into it and it cannot reach the app: it is
    // not same-origin with the app (a same-origin frame would expose its document here).
    const reach = await page.evaluate(() => {
      try {
        const doc = document.querySelector('iframe')?.contentWindow?.document;
        return doc ? `same-origin: ${doc.location.href}` : 'no document';
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    });
    expect(reach).toMatch(/^blocked: SecurityError|^no document$/);
    // No frame ended up on the app's origin (the browser refused to render it there).
    const appOrigin = new URL(pchat.url).origin;
    const onApp = page.frames().filter((f) => f !== page.mainFrame() && f.url().startsWith(appOrigin));
    expect(onApp.map((f) => f.url())).toEqual([]);
    await page.context().close();
  });
}
