// Search off the event loop (DESIGN §4b): better-sqlite3 answers synchronously, so a search for a
// common word over a million messages would hold every other connection while it runs. Searches
// go to a worker thread with its own read-only connection instead, one at a time, in order; the
// main thread stays free for sends, joins and reads. One worker: on two cores, the other core
// belongs to the main thread.
import { Worker } from 'node:worker_threads';
import type { Message } from '../domain';
import type { SearchQuery } from './repositories';
import type { SearchReply, SearchRequest } from './sqlite-search-worker';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./sqlite-search-worker.ts', import.meta.url).href;

const CLOSE_TIMEOUT_MS = 2000;

export class SqliteSearchPool {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (m: Message[]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;
  private exited = false;

  constructor(file: string) {
    this.worker = new Worker(BOOT, { workerData: { file, entry: ENTRY } });
    this.worker.unref();
    this.worker.on('message', (reply: SearchReply | 'ready') => {
      if (reply === 'ready') return;
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.messages);
      else waiting?.reject(new Error(`search failed: ${reply.error}`));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.fail(new Error(`the search worker stopped (exit code ${code})`));
    });
  }

  search(query: SearchQuery): Promise<Message[]> {
    if (this.failure) return Promise.reject(this.failure);
    const request: SearchRequest = { id: this.nextId++, query };
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the store is closed');
    if (this.exited) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('close');
    const timer = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}
