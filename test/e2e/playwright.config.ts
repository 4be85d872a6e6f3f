// Browser end-to-end tests: the web client served by a real pchat server, in the system's
// Chromium. Run with `npx electron-vite build && npx playwright test -c test/e2e/playwright.config.ts`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './fixtures/paths';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/e2e',
  // One server per worker; two cores here, so at most two workers.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
