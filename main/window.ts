// The main window: the Electron security checklist's webPreferences (DESIGN §5), our app:// UI,
// and window bounds remembered across runs.
import type { Rectangle } from 'electron';
import { BrowserWindow, screen } from 'electron';
import { APP_START_URL } from '../common/navigation-policy';
import { trustWebContents } from './ipc/register';
import type { WindowBounds } from './settings-migrations';
import type { SettingsStore } from './settings-store';

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
const MIN_SIZE = { width: 640, height: 480 } as const;

/**
 * Where the window opens: the saved bounds when their title bar area is still on a screen (a
 * monitor may have been unplugged since), else the default size, centred by Electron.
 */
export function restoreBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[]): Partial<Rectangle> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const width = Math.max(saved.width, MIN_SIZE.width);
  const height = Math.max(saved.height, MIN_SIZE.height);
  // The top strip of the window (where it is grabbed) must overlap a work area by a usable amount.
  const grabbable = workAreas.some(
    (area) =>
      saved.x + width - 100 >= area.x &&
      saved.x + 100 <= area.x + area.width &&
      saved.y >= area.y &&
      saved.y + 40 <= area.y + area.height,
  );
  return grabbable ? { x: saved.x, y: saved.y, width, height } : { width, height };
}

export interface MainWindowOptions {
  store: SettingsStore;
  preloadPath: string;
  startUrl?: string;
}

export function createMainWindow({ store, preloadPath, startUrl = APP_START_URL }: MainWindowOptions): BrowserWindow {
  const saved = store.getWindowBounds();
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'pchat',
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    // Electron's security checklist, item by item; window.test.ts asserts each. Written inline
    // (not built by a helper) so static checkers such as Electronegativity can see it.
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK reviewed preload exposes only the typed PchatBridge
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      // Stays false: add-ins and servers must be https, or loopback (which counts as secure).
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click (auxclick) is one more way for a page to open links; the UI has no use for it.
      disableBlinkFeatures: 'Auxclick',
      // A file dropped outside the composer must not replace the UI with a file:// page.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  trustWebContents(window.webContents);
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // getNormalBounds: the size to come back to, even when closed maximized.
  window.on('close', () => {
    store.setWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.loadURL(startUrl).catch((error: unknown) => {
    console.error('[pchat] could not load the UI:', error);
  });
  return window;
}
