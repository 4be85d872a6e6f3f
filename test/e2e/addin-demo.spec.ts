// The demo ticker add-in (docs/addins.md) in the `--demo` organisation: a server of its own,
// started with --demo, whose "Trading floor" frames the Tickers add-in from the demo add-in's own
// listener (another port, so another origin), so it gets the room's messages.
import { test as base } from '@playwright/test';
import { startPchatServer, type PchatServerProcess } from './fixtures/pchat-server';
import { expect, newSignedInPage, openRoom } from './fixtures/test';

// The shared worker server is not needed here: the demo seeds an empty database of its own.
const test = base;
let demo: PchatServerProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  demo = await startPchatServer(['--demo']);
});
test.afterAll(async () => {
  await demo.stop();
});

test('the Tickers add-in shows a card for "$MSFT" once it is posted, and none for the history', async ({ browser }) => {
  const page = await newSignedInPage(browser, demo.url, { name: 'alice', password: 'alice' });
  await openRoom(page, 'Trading floor');
  const region = page.getByRole('region', { name: 'Add-in' });
  const iframe = region.locator('iframe');
  await expect(iframe).toHaveAttribute('title', 'Tickers');
  const appUrl = new URL(demo.url);
  const addinUrl = new URL((await iframe.getAttribute('src'))!);
  // Its own listener (issue 9 #10): another origin than the app whatever host name is used.
  expect(addinUrl.origin).not.toBe(appUrl.origin);
  expect(addinUrl.port).not.toBe(appUrl.port);
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts allow-forms allow-popups allow-same-origin');
  await expect(region.getByRole('note')).toHaveCount(0);

  const addin = region.frameLocator('iframe');
  await expect(addin.getByRole('heading', { name: 'Tickers' })).toBeVisible();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Buying $MSFT on the dip');
  await composer.press('Enter');
  await expect(addin.getByText('$MSFT', { exact: true })).toBeVisible();
  // The seeded "Watching $ACME and $GLOBEX today" is history: never sent to the add-in.
  await expect(addin.getByText('$GLOBEX', { exact: true })).toHaveCount(0);
  await page.context().close();
});
