import { EventEmitter } from 'node:events';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => unknown;
/** What main asked Electron's Notification to show, and whether the OS "supports" it. */
const shown = vi.hoisted(() => ({
  notifications: [] as { title: string; body: string; shown: boolean }[],
  clickHandlers: [] as (() => void)[],
  supported: true,
}));
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  ipcMain: { handle: vi.fn() },
  app: { getVersion: vi.fn(() => '0.1.0'), setBadgeCount: vi.fn(() => true) },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  Notification: class {
    static isSupported(): boolean {
      return shown.supported;
    }
    private readonly entry: { title: string; body: string; shown: boolean };
    constructor(options: { title: string; body: string }) {
      this.entry = { title: options.title, body: options.body, shown: false };
      shown.notifications.push(this.entry);
    }
    show(): void {
      this.entry.shown = true;
    }
    on(name: string, listener: () => void): void {
      if (name === 'click') shown.clickHandlers.push(listener);
    }
  },
  safeStorage: { isEncryptionAvailable: vi.fn(() => false), getSelectedStorageBackend: vi.fn(() => 'unknown') },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));
vi.mock('electron-store', () => ({ default: class {} }));

import { ipcChannels } from '../../common/ipc';
import { SettingsStore } from '../settings-store';
import { registerIpc } from './index';
import { trustWebContents } from './register';

let nextId = 1;
function fakeWebContents(): EventEmitter & { id: number; sent: unknown[][]; isDestroyed(): boolean; send(...a: unknown[]): void } {
  const sent: unknown[][] = [];
  return Object.assign(new EventEmitter(), {
    id: nextId++,
    sent,
    isDestroyed: () => false,
    send: (...args: unknown[]) => {
      sent.push(args);
    },
  });
}
const ours = fakeWebContents();
const mainFrame = { url: 'app://pchat/index.html', parent: null };

function event(overrides: { sender?: { id: number }; senderFrame?: unknown } = {}): unknown {
  return { sender: ours, senderFrame: mainFrame, ...overrides };
}
async function call(channel: string, ev: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return await handler(ev, ...args);
}

const store = new SettingsStore({ read: () => ({}), write: () => undefined }, {});

const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

beforeAll(() => {
  electron.ipcMain.handle.mockImplementation((channel: string, listener: Listener) => {
    electron.handlers.set(channel, listener);
  });
  trustWebContents(ours as never);
  registerIpc(store);
});
beforeEach(() => {
  electron.shell.openExternal.mockClear();
  warn.mockClear();
});

describe('registration', () => {
  it('registers exactly the channels of common/ipc.ts', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.keys(ipcChannels).sort());
  });
});

describe('sender frame check', () => {
  const foreign = [
    ['an untrusted webContents', event({ sender: fakeWebContents() })],
    ['a subframe (the add-in iframe)', event({ senderFrame: { url: 'app://pchat/index.html', parent: mainFrame } })],
    ['a main frame on another origin', event({ senderFrame: { url: 'https://evil.example/', parent: null } })],
    ['a file: page', event({ senderFrame: { url: 'file:///tmp/x.html', parent: null } })],
    ['a destroyed frame', event({ senderFrame: null })],
  ] as const;
  it.each(foreign)('refuses %s', async (_name, ev) => {
    await expect(call('app:version', ev)).rejects.toThrow('ipc_forbidden');
    await expect(call('external:open', ev, 'https://example.com')).rejects.toThrow('ipc_forbidden');
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sender is not our UI'));
  });
  it('stops trusting a window once it is destroyed', async () => {
    const gone = fakeWebContents();
    trustWebContents(gone as never);
    await expect(call('app:version', event({ sender: gone }))).resolves.toBe('0.1.0');
    gone.emit('destroyed');
    await expect(call('app:version', event({ sender: gone }))).rejects.toThrow('ipc_forbidden');
  });
});

describe('argument check', () => {
  it.each([
    ['app:version', ['extra']],
    ['settings:set', [{ serverUrl: 5 }]],
    ['settings:set', [{ unknownKey: 'x' }]],
    ['settings:set', []],
    ['settings:set', [{ theme: 'blue' }]],
    ['settings:set', [{ language: 'de' }]],
    ['token:get', []],
    ['token:get', [{ url: 'x' }]],
    ['token:set', ['https://x.example', 42]],
    ['token:set', ['https://x.example']],
    ['external:open', [null]],
    ['external:open', ['x'.repeat(5000)]],
    ['notify', ['title only']],
    ['notify', ['t', 42]],
    ['notify', ['x'.repeat(301), 'body']],
    ['notify', ['t', 'b', '']],
    ['notify', ['t', 'b', 'x'.repeat(201)]],
    ['badge:set', []],
    ['badge:set', [-1]],
    ['badge:set', [1.5]],
    ['badge:set', ['3']],
  ])('refuses %s with bad arguments (case %#)', async (channel, args) => {
    await expect(call(channel, event(), ...args)).rejects.toThrow('ipc_bad_arguments');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('invalid arguments'));
  });
});

describe('good calls', () => {
  it('answers app:version', async () => {
    await expect(call('app:version', event())).resolves.toBe('0.1.0');
  });
  it('reads and writes settings', async () => {
    await call('settings:set', event(), { serverUrl: 'https://chat.example.com', lastRoomId: 'r1' });
    await call('settings:set', event(), { theme: 'dark', language: 'fr', notifyAlerts: false });
    await expect(call('settings:get', event())).resolves.toEqual({
      serverUrl: 'https://chat.example.com',
      lastRoomId: 'r1',
      theme: 'dark',
      language: 'fr',
      notifyMentions: true,
      notifyAlerts: false,
    });
  });
  it('passes a store refusal back to the renderer', async () => {
    await expect(call('settings:set', event(), { serverUrl: 'file:///etc' })).rejects.toThrow('invalid_server_url');
  });
  it('reads and writes tokens', async () => {
    await call('token:set', event(), 'https://chat.example.com', 'tok');
    await expect(call('token:get', event(), 'https://chat.example.com')).resolves.toBe('tok');
    await call('token:set', event(), 'https://chat.example.com', null);
    await expect(call('token:get', event(), 'https://chat.example.com')).resolves.toBeNull();
  });
  it.each(['https://example.com/a', 'http://127.0.0.1:4100/manage?code=x', 'mailto:a@example.com'])(
    'opens %s externally',
    async (url) => {
      await expect(call('external:open', event(), url)).resolves.toBe(true);
      expect(electron.shell.openExternal).toHaveBeenCalledWith(url);
    },
  );
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'app://pchat/index.html', 'https://u:p@example.com', 'smb://host/share'])(
    'refuses to open %s',
    async (url) => {
      await expect(call('external:open', event(), url)).resolves.toBe(false);
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );
  it('shows a notification with the title and body it was given', async () => {
    shown.notifications.length = 0;
    await call('notify', event(), 'Alice · Lobby', '@bob look');
    expect(shown.notifications).toEqual([{ title: 'Alice · Lobby', body: '@bob look', shown: true }]);
  });
  it('sends the tag of a clicked notification back to the window that asked', async () => {
    shown.notifications.length = 0;
    shown.clickHandlers.length = 0;
    ours.sent.length = 0;
    await call('notify', event(), 'Alice · Lobby', '@bob look', 'mention:r1:7');
    expect(shown.notifications).toEqual([{ title: 'Alice · Lobby', body: '@bob look', shown: true }]);
    expect(ours.sent).toEqual([]);
    shown.clickHandlers[0]?.();
    expect(ours.sent).toEqual([['notify:clicked', 'mention:r1:7']]);
  });
  it('listens for no click without a tag', async () => {
    shown.clickHandlers.length = 0;
    await call('notify', event(), 'Alice · Lobby', '@bob look');
    expect(shown.clickHandlers).toEqual([]);
  });
  it('sets the dock/taskbar badge count', async () => {
    await call('badge:set', event(), 4);
    await call('badge:set', event(), 0);
    expect(electron.app.setBadgeCount.mock.calls).toEqual([[4], [0]]);
  });
  it('shows nothing where the OS has no notifications', async () => {
    shown.notifications.length = 0;
    shown.supported = false;
    await call('notify', event(), 'Alice · Lobby', '@bob look');
    shown.supported = true;
    expect(shown.notifications).toEqual([]);
  });
});
