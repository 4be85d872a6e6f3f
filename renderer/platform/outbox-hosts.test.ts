// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PchatBridge } from '../../common/ipc';
import type { OutboxEntry } from '../../common/outbox';
import { createElectronPlatform } from './electron';
import { createWebPlatform } from './web';

const entry: OutboxEntry = { clientId: 'c1', roomId: 'r1', text: 'hi', file: null, status: 'sending' };

afterEach(() => localStorage.clear());

describe('outbox on each host', () => {
  it('desktop: goes through the bridge (main keeps it in electron-store)', async () => {
    const saveOutbox = vi.fn(() => Promise.resolve());
    const bridge = { loadOutbox: vi.fn(() => Promise.resolve([entry])), saveOutbox } as unknown as PchatBridge;
    const platform = createElectronPlatform(bridge);
    expect(await platform.outbox.load('s|u1')).toEqual([entry]);
    await platform.outbox.save('s|u1', [entry]);
    expect(saveOutbox).toHaveBeenCalledWith('s|u1', [entry]);
  });

  it('web without IndexedDB: falls back to localStorage, per account, ignoring junk', async () => {
    const web = createWebPlatform(window);
    await web.outbox.save('s|u1', [entry]);
    expect(await web.outbox.load('s|u1')).toEqual([entry]);
    expect(await web.outbox.load('s|u2')).toEqual([]);
    localStorage.setItem('pchat.outbox:s|u3', '[{"clientId":5},"x"');
    expect(await web.outbox.load('s|u3')).toEqual([]);
    await web.outbox.save('s|u1', []);
    expect(localStorage.getItem('pchat.outbox:s|u1')).toBeNull();
  });
});
