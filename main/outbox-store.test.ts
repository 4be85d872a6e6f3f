import { describe, expect, it, vi } from 'vitest';

vi.mock('electron-store', () => ({ default: class {} }));

import type { OutboxEntry } from '../common/outbox';
import { MAX_OUTBOX_ACCOUNTS, OutboxStore, type OutboxDocument } from './outbox-store';

const entry = (clientId: string): OutboxEntry => ({ clientId, roomId: 'r1', text: clientId, file: null, status: 'sending' });

function memoryBackend(initial: unknown) {
  const backend = { data: initial, read: () => backend.data, write: (doc: OutboxDocument) => (backend.data = doc) };
  return backend;
}

describe('OutboxStore', () => {
  it('survives a restart (a new store over the same file)', () => {
    const backend = memoryBackend(undefined);
    new OutboxStore(backend).save('s|u1', [entry('a'), entry('b')]);
    expect(new OutboxStore(backend).load('s|u1').map((e) => e.clientId)).toEqual(['a', 'b']);
    expect(new OutboxStore(backend).load('s|u2')).toEqual([]);
  });

  it('keeps only valid entries of a stale or edited file', () => {
    const store = new OutboxStore(
      memoryBackend({ version: 1, accounts: { 's|u1': [entry('ok'), { clientId: 7 }, 'junk'], 's|u2': 'nope' } }),
    );
    expect(store.load('s|u1').map((e) => e.clientId)).toEqual(['ok']);
    expect(store.load('s|u2')).toEqual([]);
    expect(new OutboxStore(memoryBackend('not an object')).load('s|u1')).toEqual([]);
  });

  it('bounds the number of accounts, dropping the least recently written', () => {
    const backend = memoryBackend(undefined);
    const store = new OutboxStore(backend);
    for (let i = 0; i <= MAX_OUTBOX_ACCOUNTS; i += 1) store.save(`s|u${i}`, [entry(`c${i}`)]);
    expect(Object.keys((backend.data as OutboxDocument).accounts)).toHaveLength(MAX_OUTBOX_ACCOUNTS);
    expect(store.load('s|u0')).toEqual([]);
    expect(store.load(`s|u${MAX_OUTBOX_ACCOUNTS}`)).toHaveLength(1);
  });
});
