import { describe, expect, it, vi } from 'vitest';

vi.mock('electron-store', () => ({ default: class {} }));

import { DraftsStore, MAX_DRAFT_ACCOUNTS, type DraftsDocument } from './drafts-store';

function memoryBackend(initial: unknown = {}) {
  const backend = { data: initial, read: () => backend.data, write: (doc: DraftsDocument) => (backend.data = doc) };
  return backend;
}

describe('DraftsStore', () => {
  it('keeps drafts per account across restarts, and forgets an emptied account', () => {
    const backend = memoryBackend();
    new DraftsStore(backend).save('s|u1', { r1: 'half a thought' });
    expect(new DraftsStore(backend).load('s|u1')).toEqual({ r1: 'half a thought' });
    expect(new DraftsStore(backend).load('s|u2')).toEqual({});
    new DraftsStore(backend).save('s|u1', {});
    expect((backend.data as DraftsDocument).accounts).toEqual({});
  });

  it('reads a damaged file as empty and drops invalid entries', () => {
    expect(new DraftsStore(memoryBackend('nonsense')).load('s|u1')).toEqual({});
    const store = new DraftsStore(memoryBackend({ accounts: { 's|u1': { r1: 'ok', r2: 42, '': 'x', r3: '' } } }));
    expect(store.load('s|u1')).toEqual({ r1: 'ok' });
  });

  it('keeps at most the most recently written accounts', () => {
    const backend = memoryBackend();
    const store = new DraftsStore(backend);
    for (let i = 0; i < MAX_DRAFT_ACCOUNTS + 5; i += 1) store.save(`s|u${i}`, { r: `t${i}` });
    const accounts = Object.keys((backend.data as DraftsDocument).accounts);
    expect(accounts).toHaveLength(MAX_DRAFT_ACCOUNTS);
    expect(accounts).not.toContain('s|u0');
    expect(accounts).toContain(`s|u${MAX_DRAFT_ACCOUNTS + 4}`);
  });
});
