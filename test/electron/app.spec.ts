// The desktop app end to end: a real server, the built app in a real Electron with a throw-away
// profile, and the security facts checked from inside the running app. Skips, saying so plainly,
// where the Electron binary is not installed (DESIGN §6–7).
import type { ElectronApplication, Page } from '@playwright/test';
import { _electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SKIP_MESSAGE, electronBinary } from './electron-binary';
import type { TestServer } from './test-server';
import { startTestServer } from './test-server';

const binary = electronBinary();
test.skip(binary === null, SKIP_MESSAGE);

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN_ENTRY = path.join(ROOT, 'out/main/index.js');
const BRIDGE_METHODS = ['appVersion', 'getSettings', 'getToken', 'openExternal', 'setSettings', 'setToken'];

/** The first of the server's `demo sign-ins: alice / alice, bob / bob, …`, unless the env names one. */
function demoSignIn(output: string): { user: string; password: string } {
  const user = process.env.PCHAT_E2E_USER;
  const password = process.env.PCHAT_E2E_PASSWORD;
  if (user && password) return { user, password };
  const line = /demo sign-ins:\s*(.+)/i.exec(output)?.[1] ?? '';
  const first = /([^\s,/]+)\s*\/\s*([^\s,]+)/.exec(line);
  if (!first?.[1] || !first[2]) throw new Error(`no demo sign-in in the server output:\n${output}`);
  return { user: first[1], password: first[2] };
}

test.describe.serial('desktop app', () => {
  let server: TestServer;
  let app: ElectronApplication;
  let page: Page;
  const scratch: string[] = [];

  test.beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pchat-e2e-data-'));
    const profileDir = mkdtempSync(path.join(tmpdir(), 'pchat-e2e-profile-'));
    scratch.push(dataDir, profileDir);
    server = await startTestServer(dataDir);
    const args = [`--user-data-dir=${profileDir}`, MAIN_ENTRY];
    // Chromium refuses to start as root with its sandbox on (CI containers); everywhere else the
    // renderer sandbox stays on, as in production.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    const env = { ...process.env, PCHAT_SERVER_URL: server.url } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await _electron.launch({ executablePath: binary!, args, env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    await server?.stop();
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  test('loads our UI from app://pchat with the strict CSP', async () => {
    expect(page.url()).toMatch(/^app:\/\/pchat\//);
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  test('shows the sign-in form', async () => {
    await expect(page.getByLabel('Server')).toBeVisible();
    await expect(page.getByLabel('User name')).toBeVisible();
    await expect(page.getByLabel('Password')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('renderer has no Node and only the narrow bridge', async () => {
    const facts = await page.evaluate(() => {
      const host = globalThis as unknown as Record<string, unknown>;
      const bridge = host.pchat as Record<string, unknown> | undefined;
      return {
        process: typeof host.process,
        require: typeof host.require,
        module: typeof host.module,
        bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
        bridgeTypes: bridge ? [...new Set(Object.values(bridge).map((value) => typeof value))] : null,
      };
    });
    expect(facts).toEqual({
      process: 'undefined',
      require: 'undefined',
      module: 'undefined',
      bridgeKeys: BRIDGE_METHODS,
      bridgeTypes: ['function'],
    });
  });

  test('window.open never makes a second window; geolocation is denied', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    const state = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state);
    expect(state).not.toBe('granted');
  });

  test('signs in as a demo user and opens a room', async () => {
    const { user, password } = demoSignIn(server.output());
    await page.getByLabel('Server').fill(server.url);
    await page.getByLabel('User name').fill(user);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const rooms = page.getByRole('navigation', { name: 'Rooms' });
    await expect(rooms).toBeVisible();
    await rooms.getByRole('link').or(rooms.getByRole('button')).first().click();
    await expect(page.getByRole('log', { name: 'Messages' })).toBeVisible();
    await expect(page.getByRole('heading').first()).toBeVisible();
  });
});
