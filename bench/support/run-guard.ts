// What every benchmark shares about its own running: the common flags, a hard deadline, and the
// clean-up of every process it started, whatever way it ends.
import { parseArgs } from 'node:util';

export type Store = 'sqlite' | 'postgres';

export interface CommonOptions {
  /** Short durations and sizes, for `npm run bench` and development. */
  quick: boolean;
  store: Store;
  values: Record<string, string | boolean | undefined>;
}

/**
 * Parses the flags every benchmark accepts (`--quick`, `--store sqlite|postgres`) plus its own
 * string options with their defaults. Unknown flags are ignored, so `npm run bench` can pass the
 * same flags to every benchmark.
 */
export function parseBenchArgs(own: Record<string, string> = {}): CommonOptions {
  const options = Object.fromEntries(Object.entries(own).map(([name, fallback]) => [name, { type: 'string' as const, default: fallback }]));
  const { values } = parseArgs({
    strict: false,
    options: { ...options, quick: { type: 'boolean', default: false }, store: { type: 'string', default: 'sqlite' } },
  });
  const store = values.store;
  if (store !== 'sqlite' && store !== 'postgres') {
    console.error(`--store must be sqlite or postgres, got ${String(store)}`);
    process.exit(2);
  }
  return { quick: values.quick === true, store, values };
}

/** A numeric option: the flag if given, else the quick or full default. */
export function numberOption(options: CommonOptions, name: string, full: number, quick = full): number {
  const given = options.values[name];
  const value = typeof given === 'string' && given !== '' ? Number(given) : options.quick ? quick : full;
  if (!Number.isFinite(value)) {
    console.error(`--${name} must be a number, got ${String(given)}`);
    process.exit(2);
  }
  return value;
}

type Cleanup = () => void;
const cleanups = new Set<Cleanup>();

/** Registers a synchronous last-resort clean-up (kill a child); returns its removal. */
export function onExit(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

process.on('exit', () => {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Exiting anyway; one failed clean-up must not keep the others from running.
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** Ends the benchmark (exit 1, children killed) if it runs longer than `seconds`. */
export function deadline(name: string, seconds: number): void {
  setTimeout(() => {
    console.error(`${name}: gave up after ${seconds} s (machine too busy?)`);
    process.exit(1);
  }, seconds * 1000).unref();
}
