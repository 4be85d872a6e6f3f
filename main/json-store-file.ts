// One JSON document in the app's user-data folder, through electron-store (atomic writes). The
// settings and the outbox each keep one; their own modules validate what they read.
import ElectronStore from 'electron-store';

export interface JsonStoreFile<T extends object> {
  /** The raw document: validate it before use, it may come from an older or damaged file. */
  read(): unknown;
  write(data: T): void;
}

export function openJsonStoreFile<T extends object>(name: string): JsonStoreFile<T> {
  const store = new ElectronStore<Record<string, unknown>>({
    name,
    // Keys hold URLs full of dots (tokens, outbox accounts): never read them as property paths.
    accessPropertiesByDotNotation: false,
    // A file that is not JSON at all starts over instead of crashing the app.
    clearInvalidConfig: true,
  });
  return {
    read: () => store.store,
    write: (data) => {
      store.store = { ...data } as Record<string, unknown>;
    },
  };
}
