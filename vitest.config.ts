// Two Vitest projects: `unit` (pure code, main/preload with a mocked electron, renderer
// components under jsdom via a per-file `@vitest-environment jsdom` comment) and `integration`
// (a real server on a random loopback port with real socket.io clients).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{common,main,preload,server,renderer}/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
