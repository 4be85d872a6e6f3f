// Issue 11: axe-core over every main screen in both themes (no serious or critical violation),
// and screenshots of those screens at 1280×800 and 800×600, light and dark, written to
// test-results/screenshots/ (git-ignored) for a reviewer to look at. Themes come from the
// system preference (Settings → Theme "System", the default) so both paths are exercised.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { unique, type PchatApi } from './fixtures/pchat-api';
import { expect, openRoom, signInThroughUi, test } from './fixtures/test';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;
const THEMES = ['light', 'dark'] as const;

async function audit(page: Page, screen: string, theme: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // The add-in is a third party's page in a sandboxed frame: not ours to audit.
    .exclude('iframe')
    .analyze();
  const bad = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen} (${theme}): ${violation.id} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect(bad, bad.join('\n')).toEqual([]);
}

async function shot(page: Page, screen: string, theme: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: `${SHOTS}${screen}-${width}x${height}-${theme}.png` });
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function seedScene(pchat: { api: PchatApi }) {
  const { category, room, alice, bob } = await pchat.api.seedRoom({
    category: { name: unique('Trading desk') },
    room: { name: unique('Equities'), description: 'Cash equities, EMEA hours' },
  });
  const other = await pchat.api.createRoom({ categoryId: category.id, name: unique('Rates') });
  const closed = await pchat.api.createRoom({
    categoryId: category.id,
    name: unique('Deal team'),
    privacy: 'closed',
    description: 'M&A deal flow, members only',
    members: [bob.name],
  });
  await pchat.api.postMessages(bob.token, room.id, [
    'Morning all — futures are up 0.4% ahead of the open.',
    `@${alice.name} can you check the ACME fills from yesterday?`,
    'Reminder: the desk meeting moved to 10:30.',
  ]);
  await pchat.api.postMessages(bob.token, other.id, [`@${alice.name} curve steepening, have a look`]);
  return { room, other, closed, alice, bob };
}

async function signedIn(browser: Browser, url: string, theme: (typeof THEMES)[number], user: { name: string; password: string }) {
  const context = await browser.newContext({ colorScheme: theme, viewport: SIZES[0] });
  const page = await context.newPage();
  await signInThroughUi(page, url, user);
  return { context, page };
}

for (const theme of THEMES) {
  test(`main screens in the ${theme} theme: no serious or critical axe violation; screenshots`, async ({ browser, pchat }) => {
    test.setTimeout(120_000);
    mkdirSync(SHOTS, { recursive: true });
    const { room, closed, alice, bob } = await seedScene(pchat);

    // Sign-in.
    const signInContext = await browser.newContext({ colorScheme: theme });
    const signIn = await signInContext.newPage();
    for (const size of SIZES) {
      await signIn.setViewportSize(size);
      await signIn.goto(pchat.url);
      await expect(signIn.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await shot(signIn, 'sign-in', theme);
    }
    await audit(signIn, 'sign-in', theme);
    await signInContext.close();

    const { context, page } = await signedIn(browser, pchat.url, theme, alice);
    await page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: /^Alerts/ }).click();
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await alerts.getByRole('button', { name: 'New alert' }).click();
    await alerts.getByLabel('Alert name').fill('Tickers');
    await alerts.getByLabel('Keywords (comma-separated)').fill('ACME, futures');
    await alerts.getByRole('button', { name: 'Save alert' }).click();
    await expect(alerts.getByText('Keywords: ACME, futures')).toBeVisible();
    await pchat.api.postMessages(bob.token, room.id, ['ACME block trade printed at 42.10']);
    await expect(alerts.getByRole('button', { name: /ACME block trade/ })).toBeVisible();

    const screens: { name: string; open: () => Promise<void> }[] = [
      { name: 'alerts', open: async () => page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: /^Alerts/ }).click() },
      {
        name: 'room',
        open: async () => {
          await openRoom(page, room.name);
          await expect(page.getByRole('article').filter({ hasText: 'ACME block trade' })).toBeVisible();
        },
      },
      {
        name: 'directory',
        open: async () => {
          await page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: 'Room directory' }).click();
          await expect(page.getByRole('region', { name: 'Room directory' })).toBeVisible();
        },
      },
      {
        name: 'closed-room',
        open: async () => {
          await page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name: closed.name, exact: true }).click();
          await expect(page.getByText('M&A deal flow, members only')).toBeVisible();
        },
      },
      {
        name: 'settings',
        open: async () => {
          await page.getByRole('button', { name: 'Settings' }).click();
          await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('listitem').first()).toBeVisible();
        },
      },
      {
        name: 'jump-to-room',
        open: async () => {
          await page.keyboard.press('Control+k');
          await expect(page.getByRole('dialog', { name: 'Jump to room' })).toBeVisible();
          await page.getByRole('combobox', { name: 'Room' }).fill(room.name.slice(0, 4));
        },
      },
    ];
    for (const screen of screens) {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await screen.open();
        await shot(page, screen.name, theme);
        if (screen.name === 'settings' || screen.name === 'jump-to-room') await closeDialog(page);
      }
      await screen.open();
      await audit(page, screen.name, theme);
      if (screen.name === 'settings' || screen.name === 'jump-to-room') await closeDialog(page);
    }

    // The ends of the range: a phone and a 4K screen (the room, as the busiest screen).
    await page.setViewportSize(SIZES[0]);
    await openRoom(page, room.name);
    for (const size of [{ width: 360, height: 740 }, { width: 3840, height: 2160 }]) {
      await page.setViewportSize(size);
      await shot(page, 'room', theme);
      expect((await page.getByRole('textbox', { name: 'Message' }).boundingBox())?.width ?? 0).toBeGreaterThan(size.width / 2);
    }
    await audit(page, 'room (3840 px)', theme);

    // The room-management pages share the look and the theme.
    const manage = await context.newPage();
    await manage.goto(`${pchat.url}/manage/`);
    await manage.getByRole('textbox', { name: 'User name' }).fill(alice.name);
    await manage.getByLabel('Password').fill(alice.password);
    await manage.getByRole('button', { name: 'Sign in' }).click();
    await expect(manage.getByRole('searchbox', { name: 'Filter rooms' })).toBeVisible();
    for (const size of SIZES) {
      await manage.setViewportSize(size);
      await shot(manage, 'manage', theme);
    }
    await audit(manage, 'manage', theme);
    await context.close();
  });
}
