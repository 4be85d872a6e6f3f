// Durable SQLite writes without an fsync on the event loop (issue 8).
//
// With synchronous=FULL every COMMIT flushed the write-ahead log on the calling thread: at 50
// messages a second about 1.4 ms of the event loop each (7 % of a core, measured at 200 × 50), and
// far more on a slow disk, during which no socket is served. The store now runs with
// synchronous=NORMAL — a commit writes the log but does not flush it — and the driver
// (sqlite-dialect.ts) answers a write only once the log has been flushed here, on a thread of its
// own. So an acknowledged write still survives a power cut, while the event loop goes on serving
// everyone else. Writes that finish while a flush runs share the next one, the way messages share
// a transaction in group commit (group-commit.ts).
import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Makes everything written to the log so far durable. */
export type Flush = () => Promise<void>;

/**
 * Answers each request with a flush that started after the request was made (one already running
 * may have started before the write it is asked for), and lets every request made during a flush
 * share the one after it.
 */
export class FlushCoalescer {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly flush: Flush) {}

  request(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<void> {
    const run = this.flush().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}

// The flushing thread: plain JavaScript, so it needs no loader. File descriptors belong to the
// process, so it can fsync the ones the main thread opened.
const FLUSHER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { fsyncSync } = require('node:fs');
parentPort.on('message', ({ id, fds }) => {
  try {
    for (const fd of fds) fsyncSync(fd);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});`;

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** fsync of one SQLite database's write-ahead log (`<file>-wal`), on a thread of its own. */
export class WalFlusher {
  private readonly worker = new Worker(FLUSHER_SOURCE, { eval: true });
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private walFd: number | null = null;
  /** The log's directory entry is made durable once, with the first flush after the log appeared. */
  private directoryFd: number | null = null;

  constructor(private readonly databaseFile: string) {
    this.worker.unref();
    this.worker.on('message', ({ id, error }: { id: number; error?: string }) => this.settle(id, error === undefined ? undefined : new Error(`cannot flush the database log: ${error}`)));
    this.worker.on('error', (error) => {
      for (const id of [...this.pending.keys()]) this.settle(id, error);
    });
  }

  readonly flush: Flush = () =>
    new Promise<void>((resolve, reject) => {
      const fds: number[] = [];
      try {
        if (this.walFd === null) {
          this.walFd = openSync(`${this.databaseFile}-wal`, 'r');
          this.directoryFd = openSync(dirname(this.databaseFile), 'r');
          fds.push(this.directoryFd);
        }
        fds.unshift(this.walFd);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      // Pending writes keep the process alive until they are durable; an idle flusher does not.
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ id, fds });
    });

  async close(): Promise<void> {
    await this.worker.terminate();
    for (const fd of [this.walFd, this.directoryFd]) if (fd !== null) closeSync(fd);
    this.walFd = this.directoryFd = null;
  }

  private settle(id: number, error: Error | undefined): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if (error) waiting.reject(error);
    else waiting.resolve();
  }
}
