// The client processes of bench/capacity.ts: each a `node --import tsx capacity-worker.ts` child
// with an IPC channel, asked one request at a time and answered by id. They die with this
// process (the worker also exits when the channel closes).
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/support/server-process';
import { onExit } from '../support/run-guard';
import type { Envelope, WorkerReply, WorkerRequest } from './capacity-messages';

export class WorkerPool {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>();

  private constructor(private readonly children: ChildProcess[]) {
    for (const child of children) {
      child.on('message', (reply: Envelope<WorkerReply> & { error?: string }) => {
        if (reply.error !== undefined) process.stderr.write(`capacity worker ${child.pid}: ${reply.error}\n`);
        this.waiting.get(reply.id)?.(reply);
        this.waiting.delete(reply.id);
      });
      child.on('exit', (code, signal) => {
        if (this.closing) return;
        process.stderr.write(`capacity: a client process ended (code ${code}, signal ${signal}); giving up\n`);
        process.exit(1);
      });
    }
  }

  private closing = false;

  static start(count: number): WorkerPool {
    const script = join(REPO_ROOT, 'bench', 'scale', 'capacity-worker.ts');
    const children = Array.from({ length: count }, () =>
      fork(script, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    for (const child of children) onExit(() => child.kill('SIGKILL'));
    return new WorkerPool(children);
  }

  get size(): number {
    return this.children.length;
  }

  get pids(): number[] {
    return this.children.map((child) => child.pid!);
  }

  ask(worker: number, request: WorkerRequest): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.children[worker]!.send({ ...request, id } satisfies Envelope<WorkerRequest>);
    });
  }

  /** The same request (or one per worker) to every worker; their replies in worker order. */
  all(request: WorkerRequest | ((worker: number) => WorkerRequest)): Promise<WorkerReply[]> {
    return Promise.all(this.children.map((_, worker) => this.ask(worker, typeof request === 'function' ? request(worker) : request)));
  }

  close(): void {
    this.closing = true;
    for (const child of this.children) child.kill('SIGTERM');
  }
}
