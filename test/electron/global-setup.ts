// Runs once before the desktop e2e: says plainly when the suite is skipped, and otherwise makes
// sure out/ holds a fresh build of the app under test.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SKIP_MESSAGE, electronBinary } from './electron-binary';

export default function globalSetup(): void {
  if (!electronBinary()) {
    console.log(`\n${SKIP_MESSAGE} (fetch it with \`npm run postinstall\` on a machine with internet).\n`);
    return;
  }
  if (process.env.PCHAT_E2E_SKIP_BUILD === '1') return;
  const root = path.resolve(import.meta.dirname, '../..');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error('electron-vite build failed: the desktop e2e needs a built app');
}
