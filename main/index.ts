// App lifecycle only: order matters here, the work lives in the modules it calls.
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { PERMALINK_SCHEME, PermalinkRouter, permalinkFromArgv } from './deep-links';
import { installGuards } from './guards';
import { registerIpc } from './ipc';
import type { SettingsStore } from './settings-store';
import { openSettingsStore } from './settings-store';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '../renderer');
const PRELOAD_PATH = path.join(here, '../preload/index.cjs');

// Tests and side-by-side profiles pass --user-data-dir; it must apply before the single-instance
// lock (which is per profile) and before the settings file is opened.
const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
if (userDataDir) app.setPath('userData', path.resolve(userDataDir));

// Every renderer sandboxed, whatever a webPreferences object might say.
app.enableSandbox();
// Scheme privileges are fixed at start-up: before `ready`, or not at all.
registerAppScheme();
// Before any window exists, so no webContents is ever unguarded.
installGuards(app);

if (!app.requestSingleInstanceLock()) {
  // Another pchat already runs with this profile: it gets focused (second-instance) instead.
  app.quit();
} else {
  let store: SettingsStore | null = null;
  // pchat:// permalinks (main/deep-links.ts): the one this launch was opened with, later ones.
  const permalinks = new PermalinkRouter();
  const launchLink = permalinkFromArgv(process.argv);
  if (launchLink) permalinks.receive(launchLink);

  const openWindow = (): void => {
    if (store) permalinks.attach(createMainWindow({ store, preloadPath: PRELOAD_PATH }).webContents);
  };

  app.on('second-instance', (_event: unknown, argv: string[] = []) => {
    const link = permalinkFromArgv(argv);
    if (link) permalinks.receive(link);
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows until Cmd+Q.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // macOS hands links over by event, before or after ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    permalinks.receive(url);
  });

  app
    .whenReady()
    .then(() => {
      handleAppProtocol(RENDERER_DIR);
      // The OS sends pchat:// links to this app (a packaged install also declares the scheme).
      app.setAsDefaultProtocolClient(PERMALINK_SCHEME);
      // After ready: safeStorage and electron-store need the app's paths and keyring.
      store = openSettingsStore();
      registerIpc(store);
      openWindow();
    })
    .catch((error: unknown) => {
      console.error('[pchat] start-up failed:', error);
      app.exit(1);
    });
}
