import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => unknown;
const electron = vi.hoisted(() => ({
  handlers: new Map<string, Listener>(),
  ipcMain: { handle: vi.fn() },
  app: { getVersion: vi.fn(() => '0.1.0') },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  safeStorage: { isEncryptionAvailable: vi.fn(() => false), getSelectedStorageBackend: vi.fn(() => 'unknown') },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));
vi.mock('electron-store', () => ({ default: class {} }));

import { MAX_OUTBOX_ENTRIES, type OutboxEntry } from '../../common/outbox';
import { OutboxStore, type OutboxDocument } from '../outbox-store';
import { SettingsStore } from '../settings-store';
import { registerIpc } from './index';
import { trustWebContents } from './register';

const ours = Object.assign(new EventEmitter(), { id: 4242 });
const mainFrame = { url: 'app://pchat/index.html', parent: null };
const ourEvent = { sender: ours, senderFrame: mainFrame };
const addinEvent = { sender: ours, senderFrame: { url: 'https://addin.example/', parent: mainFrame } };

async function call(channel: string, ev: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return await handler(ev, ...args);
}

const written: OutboxDocument[] = [];
const outbox = new OutboxStore({ read: () => undefined, write: (data) => written.push(data) });
const ACCOUNT = 'https://chat.example.com|u-alice';
const entry = (clientId: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId,
  roomId: 'r1',
  text: `text ${clientId}`,
  file: null,
  status: 'sending',
  createdAt: '2026-11-22T15:00:00.000Z',
  attempts: 0,
  ...extra,
});

vi.spyOn(console, 'warn').mockImplementation(() => undefined);

beforeAll(() => {
  electron.ipcMain.handle.mockImplementation((channel: string, listener: Listener) => {
    electron.handlers.set(channel, listener);
  });
  trustWebContents(ours as never);
  registerIpc(new SettingsStore({ read: () => ({}), write: () => undefined }, {}), outbox);
});

describe('outbox channels', () => {
  it('saves and loads an account outbox, kept apart from other accounts', async () => {
    await call('outbox:save', ourEvent, ACCOUNT, [entry('c1'), entry('c2', { status: 'failed', lastError: 'forbidden' })]);
    await call('outbox:save', ourEvent, 'https://chat.example.com|u-bob', [entry('b1')]);
    const loaded = (await call('outbox:load', ourEvent, ACCOUNT)) as OutboxEntry[];
    expect(loaded.map((e) => e.clientId)).toEqual(['c1', 'c2']);
    expect(loaded[1]?.lastError).toBe('forbidden');
    await call('outbox:save', ourEvent, ACCOUNT, []);
    await expect(call('outbox:load', ourEvent, ACCOUNT)).resolves.toEqual([]);
    expect(written.at(-1)?.accounts).not.toHaveProperty([ACCOUNT]);
  });

  it.each([
    ['outbox:load', []],
    ['outbox:load', ['']],
    ['outbox:save', [ACCOUNT]],
    ['outbox:save', [ACCOUNT, [{ clientId: 'x' }]]],
    ['outbox:save', [ACCOUNT, [entry('c1', { text: 'x'.repeat(100_001) })]]],
    ['outbox:save', [ACCOUNT, Array.from({ length: MAX_OUTBOX_ENTRIES + 1 }, (_, i) => entry(`c${i}`))]],
  ])('refuses %s with bad arguments (case %#)', async (channel, args) => {
    await expect(call(channel, ourEvent, ...args)).rejects.toThrow('ipc_bad_arguments');
  });

  it('refuses the add-in frame', async () => {
    await expect(call('outbox:load', addinEvent, ACCOUNT)).rejects.toThrow('ipc_forbidden');
    await expect(call('outbox:save', addinEvent, ACCOUNT, [])).rejects.toThrow('ipc_forbidden');
  });
});
