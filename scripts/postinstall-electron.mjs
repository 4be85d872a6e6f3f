// Electron's own install script is skipped (package.json "allowScripts"), because on machines
// without internet its binary download fails and would fail the whole `npm install`.
// Here we try that same download ourselves: a machine with internet ends up with the binary,
// a machine without one gets a clear warning and an install that still succeeds.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function binaryPresent(dir) {
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  return existsSync(path.join(dir, 'dist', relative));
}

const dir = electronDir();
if (!dir) {
  console.log('[pchat] electron is not installed (production install?): nothing to download.');
  process.exit(0);
}
if (binaryPresent(dir)) {
  console.log('[pchat] Electron binary already present.');
  process.exit(0);
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.warn('[pchat] ELECTRON_SKIP_BINARY_DOWNLOAD is set: not downloading the Electron binary.');
  process.exit(0);
}

console.log('[pchat] Downloading the Electron binary…');
const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
  cwd: dir,
  stdio: ['ignore', 'inherit', 'pipe'],
  timeout: 5 * 60 * 1000,
  encoding: 'utf8',
});
if (result.status === 0 && binaryPresent(dir)) {
  console.log('[pchat] Electron binary installed.');
} else {
  const output = (result.stderr || result.error?.message || '').trim();
  // The first line naming an error is the useful one (e.g. "getaddrinfo ENOTFOUND github.com").
  const reason = output.split('\n').find((line) => /Error|ENOTFOUND|ECONN|ETIMEDOUT/.test(line))?.trim() ?? 'unknown error';
  console.warn(
    [
      '',
      '[pchat] WARNING: the Electron binary could not be downloaded, so the desktop app cannot open here.',
      `[pchat] Reason: ${reason}`,
      '[pchat] Everything else works: `npm start` serves the web client instead, and `npm test` skips',
      '[pchat] only the desktop end-to-end tests. With internet access, run `npm run postinstall` again.',
      '',
    ].join('\n'),
  );
}
process.exit(0);
