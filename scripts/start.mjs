// `npm start`: the whole product on one machine. Builds the app when the build is missing or
// older than its sources, starts the embedded server (SQLite under ./data, demo content), then
// opens the desktop window — or, where the Electron binary is missing (these build machines),
// keeps the server running and points at the web client instead, saying why.
// Ctrl-C / SIGTERM stops everything; if the server dies, we exit with its code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PREFERRED_PORT = 4100;
const DATA_DIR = path.join(ROOT, 'data');
const SERVER_READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 10_000;

const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/manage/index.html'];
const BUILD_INPUTS = ['main', 'preload', 'renderer', 'common', 'server/manage/web', 'server/manage/vite.config.ts', 'electron.vite.config.ts', 'package.json'];

const log = (line) => console.log(`[pchat] ${line}`);

/** Newest modification time under `target` (tests excluded: they are not in the build). */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return /\.test\.[cm]?[jt]sx?$/.test(target) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsStale() {
  const outputs = BUILD_OUTPUTS.map((file) => path.join(ROOT, file));
  if (outputs.some((file) => !existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const newestInput = Math.max(...BUILD_INPUTS.map((input) => newestMtime(path.join(ROOT, input))));
  return newestInput > oldestOutput;
}

function build() {
  // `npm run build`: the desktop app, the web client and the built-in /manage pages.
  log('Building the app (npm run build)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    log('The build failed (see above); fix it and run `npm start` again.');
    process.exit(result.status ?? 1);
  }
}

/** The Electron executable, or null with the reason it is missing. */
function electronBinary() {
  try {
    // The electron package's main export is the executable's path; it throws when the
    // download never happened (no path.txt).
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, '127.0.0.1');
  });
}

/**
 * Starts server/cli.ts in a node process that loads TypeScript through tsx's loader (not the tsx
 * CLI, whose wrapper process force-kills the server if it does not confirm a signal within
 * milliseconds — the server needs a moment to drain and close its database). Resolves with its
 * URL once it prints `listening on …`.
 */
function startServer(port) {
  const args = ['--import', 'tsx', 'server/cli.ts', '--demo', '--data', DATA_DIR, '--port', String(port)];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not print "listening on" within ${SERVER_READY_TIMEOUT_MS / 1000} s`)),
      SERVER_READY_TIMEOUT_MS,
    );
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffer = (buffer + chunk.toString()).slice(-4096);
      const match = /listening on (https?:\/\/[^\s]+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/+$/, ''));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`the server exited before it was ready (${signal ?? `code ${code}`})`), { code }));
    });
  });
  return { child, ready };
}

const children = new Set();
let stopping = false;

function waitForExit(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Stops every child (SIGTERM, then SIGKILL after a grace period) and exits with `code`. */
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of running) child.kill('SIGKILL');
  }, STOP_GRACE_MS);
  await Promise.all(running.map(waitForExit));
  clearTimeout(force);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping…`);
    void stopAll(0);
  });
}

async function main() {
  if (buildIsStale()) build();
  else log('Build is up to date.');

  const port = (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : 0;
  if (port === 0) log(`Port ${PREFERRED_PORT} is busy: letting the server pick a free port.`);
  log(`Starting the server (data in ${path.relative(ROOT, DATA_DIR) || '.'}/)…`);
  const server = startServer(port);
  children.add(server.child);

  let url;
  try {
    url = await server.ready;
  } catch (error) {
    log(`Could not start the server: ${error.message}`);
    await stopAll(typeof error.code === 'number' && error.code !== 0 ? error.code : 1);
    return;
  }
  server.child.once('exit', (code, signal) => {
    if (stopping) return;
    log(`The server stopped (${signal ?? `code ${code}`}).`);
    void stopAll(code ?? 1);
  });

  const binary = electronBinary();
  if (!binary) {
    log(`Server ready at ${url}`);
    log('The desktop window did not open: the Electron binary is not installed on this machine');
    log('(its download needs internet access; with it, run `npm run postinstall` to fetch it).');
    log(`Use the web client instead: open ${url}/ in a browser. Ctrl-C stops the server.`);
    return;
  }

  log(`Opening the desktop app against ${url}…`);
  const env = { ...process.env, PCHAT_SERVER_URL: url };
  // Inherited from some tool shells, it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const desktop = spawn(binary, ['.'], { cwd: ROOT, env, stdio: 'inherit' });
  children.add(desktop);
  desktop.once('exit', (code, signal) => {
    if (stopping) return;
    const how = code === 0 ? '' : ` (${signal ?? `code ${code}`}; its output above says why)`;
    log(`The desktop app closed${how}: stopping the server.`);
    void stopAll(code ?? 0);
  });
}

main().catch((error) => {
  console.error('[pchat] start failed:', error);
  void stopAll(1);
});
