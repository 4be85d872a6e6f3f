import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn((channel: string) => Promise.resolve(`answer:${channel}`)), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

import type { PchatBridge } from '../common/ipc';
import { ipcChannels } from '../common/ipc';
import './index';

const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, PchatBridge];

// The compiler already ties this list to PchatBridge: a missing or extra key fails `tsc`.
const expectedChannels: Record<keyof PchatBridge, string> = {
  appVersion: 'app:version',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  getToken: 'token:get',
  setToken: 'token:set',
  openExternal: 'external:open',
  loadOutbox: 'outbox:load',
  saveOutbox: 'outbox:save',
  notify: 'notify',
};

beforeEach(() => electron.ipcRenderer.invoke.mockClear());

describe('window.pchat', () => {
  it('is exposed once, as "pchat"', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(name).toBe('pchat');
  });

  it('has exactly the PchatBridge methods and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual(Object.keys(expectedChannels).sort());
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
  ] as const)('%s invokes its own channel with its arguments (%#)', async (method, args, sent) => {
    const fn = Reflect.get(exposed, method) as (...a: unknown[]) => Promise<unknown>;
    const channel = expectedChannels[method];
    await expect(fn(...args)).resolves.toBe(`answer:${channel}`);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...sent);
  });

  it('never uses send or on (no fire-and-forget, no unguarded listeners)', async () => {
    await Promise.all(Object.values(exposed).map((fn: (...a: unknown[]) => Promise<unknown>) => fn('https://x.example', null)));
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
