// Starts a TypeScript worker thread: the server runs its .ts sources through tsx's loader, and a
// worker thread does not inherit it, so the worker first registers tsx, then loads its entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
