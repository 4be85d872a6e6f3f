import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn((channel: string) => Promise.resolve(`answer:${channel}`)),
    send: vi.fn(),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

import type { PchatBridge } from '../common/ipc';
import { ipcChannels } from '../common/ipc';
import './index';

const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, PchatBridge];

type Invokers = Exclude<keyof PchatBridge, 'onNotificationClick' | 'onPermalink'>;
// The compiler already ties this list to PchatBridge: a missing or extra key fails `tsc`.
const expectedChannels: Record<Invokers, string> = {
  appVersion: 'app:version',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  getToken: 'token:get',
  setToken: 'token:set',
  openExternal: 'external:open',
  loadOutbox: 'outbox:load',
  saveOutbox: 'outbox:save',
  loadDrafts: 'drafts:load',
  saveDrafts: 'drafts:save',
  notify: 'notify',
  setBadgeCount: 'badge:set',
};
/** Listeners of main's pushes (common/ipc.ts ipcPushes). */
const expectedListeners: Record<Exclude<keyof PchatBridge, Invokers>, string> = {
  onNotificationClick: 'notify:clicked',
  onPermalink: 'permalink:open',
};

beforeEach(() => electron.ipcRenderer.invoke.mockClear());

describe('window.pchat', () => {
  it('is exposed once, as "pchat"', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(name).toBe('pchat');
  });

  it('has exactly the PchatBridge methods and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual([...Object.keys(expectedChannels), ...Object.keys(expectedListeners)].sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
    expect(exposed).not.toHaveProperty('ipcRenderer');
    expect(exposed).not.toHaveProperty('invoke');
    expect(exposed).not.toHaveProperty('send');
  });

  it('covers every IPC channel', () => {
    expect(Object.values(expectedChannels).sort()).toEqual(Object.keys(ipcChannels).sort());
  });

  it.each([
    ['appVersion', [], []],
    ['getSettings', [], []],
    ['setSettings', [{ lastRoomId: 'r1' }], [{ lastRoomId: 'r1' }]],
    ['getToken', ['https://chat.example.com'], ['https://chat.example.com']],
    ['setToken', ['https://chat.example.com', 'tok'], ['https://chat.example.com', 'tok']],
    ['setToken', ['https://chat.example.com', null], ['https://chat.example.com', null]],
    ['openExternal', ['https://example.com'], ['https://example.com']],
    ['loadOutbox', ['https://chat.example.com|u1'], ['https://chat.example.com|u1']],
    ['saveOutbox', ['https://chat.example.com|u1', []], ['https://chat.example.com|u1', []]],
    ['notify', ['Alice · Lobby', '@bob look'], ['Alice · Lobby', '@bob look']],
    ['notify', ['Alice · Lobby', '@bob look', 'mention:r1:4'], ['Alice · Lobby', '@bob look', 'mention:r1:4']],
    ['setBadgeCount', [3], [3]],
  ] as const)('%s invokes its own channel with its arguments (%#)', async (method, args, sent) => {
    const fn = Reflect.get(exposed, method) as (...a: unknown[]) => Promise<unknown>;
    const channel = expectedChannels[method];
    await expect(fn(...args)).resolves.toBe(`answer:${channel}`);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...sent);
  });

  it('never uses send, and on only for the listeners (no fire-and-forget, no unguarded listeners)', async () => {
    electron.ipcRenderer.on.mockClear();
    const invokers = Object.keys(expectedChannels).map((key) => Reflect.get(exposed, key) as (...a: unknown[]) => Promise<unknown>);
    await Promise.all(invokers.map((fn) => fn('https://x.example', null)));
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('onNotificationClick hands the page only the tag, and unsubscribes', () => {
    electron.ipcRenderer.on.mockClear();
    const seen: unknown[] = [];
    const off = exposed.onNotificationClick((tag) => seen.push(tag));
    expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, wrapped] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, (...a: unknown[]) => void];
    expect(channel).toBe(expectedListeners.onNotificationClick);
    wrapped({ sender: 'the IpcRendererEvent' }, 'mention:r1:4');
    wrapped({ sender: 'x' }, { not: 'a string' });
    expect(seen).toEqual(['mention:r1:4']);
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('notify:clicked', wrapped);
  });

  it('onPermalink hands the page only the path, and unsubscribes', () => {
    electron.ipcRenderer.on.mockClear();
    const seen: unknown[] = [];
    const off = exposed.onPermalink((path) => seen.push(path));
    const [channel, wrapped] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, (...a: unknown[]) => void];
    expect(channel).toBe('permalink:open');
    wrapped({ sender: 'the IpcRendererEvent' }, '/r/r1/4');
    wrapped({ sender: 'x' }, 42);
    expect(seen).toEqual(['/r/r1/4']);
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('permalink:open', wrapped);
  });
});
