import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: unknown[] = [];
  class FakeBrowserWindow {
    static created = created;
    readonly events = new Map<string, () => void>();
    readonly webContents = { id: 77, once: vi.fn() };
    readonly maximize = vi.fn();
    readonly show = vi.fn();
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly getNormalBounds = vi.fn(() => ({ x: 1, y: 2, width: 1000, height: 700 }));
    readonly isMaximized = vi.fn(() => true);
    constructor(readonly options: Record<string, unknown>) {
      created.push(this);
    }
    once(event: string, listener: () => void) {
      this.events.set(event, listener);
    }
    on(event: string, listener: () => void) {
      this.events.set(event, listener);
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
  };
});
vi.mock('electron', () => ({ ...electron, default: electron }));
vi.mock('electron-store', () => ({ default: class {} }));

import { SettingsStore } from './settings-store';
import { DEFAULT_SIZE, createMainWindow, restoreBounds } from './window';

describe('webPreferences: the Electron security checklist', () => {
  function prefs(): Record<string, unknown> {
    electron.BrowserWindow.created.length = 0;
    createMainWindow({ store: new SettingsStore({ read: () => ({}), write: () => undefined }, {}), preloadPath: '/app/out/preload/index.cjs' });
    const window = electron.BrowserWindow.created[0] as { options: { webPreferences: Record<string, unknown> } };
    return window.options.webPreferences;
  }
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs()[key]).toBe(value);
  });
  it('uses our one preload and enables nothing extra', () => {
    const p = prefs();
    expect(p.preload).toBe('/app/out/preload/index.cjs');
    expect(p).not.toHaveProperty('enableBlinkFeatures');
    expect(p).not.toHaveProperty('additionalArguments');
  });
});

describe('restoreBounds', () => {
  const screenArea = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('opens at the default size the first time', () => {
    expect(restoreBounds(null, screenArea)).toEqual(DEFAULT_SIZE);
  });
  it('restores saved bounds that are on a screen', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 900, height: 600, maximized: false }, screenArea)).toEqual({
      x: 100,
      y: 50,
      width: 900,
      height: 600,
    });
  });
  it('keeps the size but not the place when that screen is gone', () => {
    expect(restoreBounds({ x: 2500, y: 50, width: 900, height: 600, maximized: false }, screenArea)).toEqual({
      width: 900,
      height: 600,
    });
    expect(restoreBounds({ x: 100, y: -500, width: 900, height: 600, maximized: false }, screenArea)).toEqual({
      width: 900,
      height: 600,
    });
  });
  it('finds a second monitor', () => {
    const two = [...screenArea, { x: 1920, y: 0, width: 1280, height: 1024 }];
    expect(restoreBounds({ x: 2500, y: 50, width: 900, height: 600, maximized: false }, two)).toMatchObject({ x: 2500 });
  });
});

describe('createMainWindow', () => {
  type Fake = InstanceType<typeof electron.BrowserWindow>;
  let store: SettingsStore;
  beforeEach(() => {
    electron.BrowserWindow.created.length = 0;
    store = new SettingsStore({ read: () => ({}), write: () => undefined }, {});
  });

  it('creates a hidden window with the checklist webPreferences and loads our app origin', () => {
    createMainWindow({ store, preloadPath: '/p/index.cjs' });
    const window = electron.BrowserWindow.created[0] as Fake;
    expect(window.options).toMatchObject({ show: false, webPreferences: { preload: '/p/index.cjs', sandbox: true } });
    expect(window.loadURL).toHaveBeenCalledWith('app://pchat/index.html');
    window.events.get('ready-to-show')!();
    expect(window.show).toHaveBeenCalled();
  });

  it('restores and saves bounds', () => {
    store.setWindowBounds({ x: 10, y: 20, width: 800, height: 600, maximized: true });
    createMainWindow({ store, preloadPath: '/p/index.cjs' });
    const window = electron.BrowserWindow.created[0] as Fake;
    expect(window.options).toMatchObject({ x: 10, y: 20, width: 800, height: 600 });
    expect(window.maximize).toHaveBeenCalled();
    window.events.get('close')!();
    expect(store.getWindowBounds()).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: true });
  });
});
