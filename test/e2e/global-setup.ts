// Checks what the e2e run needs before any browser starts, and fails with the fix spelled out:
// a Chromium executable (never downloaded by Playwright here) and a fresh renderer build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, RENDERER_INDEX, RENDERER_SOURCES } from './fixtures/paths';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // Only build inputs count: tests, test helpers and docs are not part of out/renderer.
    if (entry.isDirectory()) {
      if (entry.name !== 'test-support') newest = Math.max(newest, newestSource(path));
    } else if (!/\.test\.tsx?$|\.md$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

export default function globalSetup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` ` +
        '(or point PCHAT_CHROMIUM at a Chrome/Chromium executable). Playwright never downloads a browser here.',
    );
  }
  if (!existsSync(RENDERER_INDEX)) {
    throw new Error(`${RENDERER_INDEX} is missing: the server serves the built web client. Run \`npx electron-vite build\` first.`);
  }
  if (newestSource(RENDERER_SOURCES) > statSync(RENDERER_INDEX).mtimeMs) {
    throw new Error(
      'out/renderer is older than renderer/ sources: the e2e would test a stale client. Run `npx electron-vite build` first.',
    );
  }
}
