// The web client's outbox in IndexedDB: unlike localStorage it is not capped at a few MB shared
// with everything else, and each account's list is written in one transaction, so a reload in
// the middle of a save finds either the old list or the new one. One record per account
// (`serverUrl|userId`) holding that account's entries, oldest first.
import { MAX_OUTBOX_ENTRIES, parseOutboxEntries } from '../../common/outbox';
import type { OutboxPersistence } from './platform';

const DB_NAME = 'pchat-outbox';
const STORE = 'accounts';
const LOCAL_PREFIX = 'pchat.outbox:';

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexeddb_error'));
  });
}

async function openDatabase(factory: IDBFactory, version?: number): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, version);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
  };
  const db = await settle(request);
  if (db.objectStoreNames.contains(STORE)) return db;
  // Someone opened the database without a version (devtools, a test) and left it empty:
  // upgrade it once so the store exists.
  db.close();
  return openDatabase(factory, db.version + 1);
}

/** `fallback` serves when IndexedDB cannot be opened (disabled by policy, some private modes). */
export function createIndexedDbOutbox(factory: IDBFactory, fallback: OutboxPersistence): OutboxPersistence {
  let opened: Promise<IDBDatabase | null> | null = null;
  const database = (): Promise<IDBDatabase | null> => {
    opened ??= openDatabase(factory).catch(() => null);
    return opened;
  };
  // Saves are chained so they reach the database in the order they were made, whatever
  // IndexedDB does with transactions started from different turns of the event loop.
  let queue: Promise<void> = Promise.resolve();

  return {
    async load(account) {
      const db = await database();
      if (!db) return fallback.load(account);
      await queue;
      const raw: unknown = await settle(db.transaction(STORE, 'readonly').objectStore(STORE).get(account));
      return parseOutboxEntries(raw);
    },
    save(account, entries) {
      const write = async (): Promise<void> => {
        const db = await database();
        if (!db) return fallback.save(account, entries);
        const transaction = db.transaction(STORE, 'readwrite');
        const store = transaction.objectStore(STORE);
        if (entries.length === 0) store.delete(account);
        else store.put(entries.slice(0, MAX_OUTBOX_ENTRIES), account);
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error ?? new Error('indexeddb_error'));
          transaction.onabort = () => reject(transaction.error ?? new Error('indexeddb_aborted'));
        });
      };
      const done = queue.then(write);
      // One failed write must not block the ones after it.
      queue = done.catch(() => undefined);
      return done;
    },
  };
}

/** The fallback, and the store where IndexedDB does not exist at all (jsdom in unit tests). */
export function localStorageOutbox(storage: Storage): OutboxPersistence {
  return {
    load(account) {
      try {
        return Promise.resolve(parseOutboxEntries(JSON.parse(storage.getItem(LOCAL_PREFIX + account) ?? '[]')));
      } catch {
        return Promise.resolve([]);
      }
    },
    save(account, entries) {
      if (entries.length === 0) storage.removeItem(LOCAL_PREFIX + account);
      else storage.setItem(LOCAL_PREFIX + account, JSON.stringify(entries.slice(0, MAX_OUTBOX_ENTRIES)));
      return Promise.resolve();
    },
  };
}
