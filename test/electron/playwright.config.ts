// Desktop end-to-end (DESIGN §6): Playwright's _electron against the built app. No browser
// projects: nothing here may make Playwright download a browser. Without the Electron binary
// every test skips with a plain message and the run exits 0.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  // One Electron app and one server at a time: 2 cores, and the tests share a profile per file.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure' },
});
