// Receivers spread over child processes (receiver-worker.ts), so one process's event loop is not
// the bottleneck when a thousand clients each decode every delivery and answer it with a marker.
// The pool and its benchmark share one clock (clock.ts), so a send stamped here is timed there.
//
//   const pool = await ReceiverPool.start(specs, { processes: 2, client: 'wire' });   // all signed in and joined
//   pool.start();                                 // reconnect schedules begin now
//   … send …
//   const { groups, cost } = await pool.finish({ [roomId]: ackedSeqs }, 30_000);  // per group: latencies, lost
//   await pool.close();
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/support/server-process';
import type { ClientKind } from './client-kind';
import { type ClientCost, emptyGroup, type FromWorker, type GroupResult, type ReceiverSpec, type ToWorker } from './receiver-protocol';
import { onExit } from './run-guard';

export type { ClientCost, GroupResult, ReceiverSpec } from './receiver-protocol';

const WORKER = join(REPO_ROOT, 'bench', 'support', 'receiver-worker.ts');

interface Worker {
  child: ChildProcess;
  next: (type: FromWorker['type']) => Promise<FromWorker>;
}

function spawnWorker(): Worker {
  const child = fork(WORKER, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const forget = onExit(() => child.kill('SIGKILL'));
  child.once('exit', forget);
  const inbox: FromWorker[] = [];
  let waiting: (() => void) | undefined;
  let exited = false;
  child.on('message', (message: FromWorker) => (inbox.push(message), waiting?.()));
  child.once('exit', () => ((exited = true), waiting?.()));
  const next = async (type: FromWorker['type']): Promise<FromWorker> => {
    for (;;) {
      const message = inbox.shift();
      if (message?.type === 'error') throw new Error(`receiver process: ${message.message}`);
      if (message?.type === type) return message;
      if (message) continue;
      if (exited) throw new Error(`receiver process exited (${child.exitCode ?? child.signalCode})`);
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };
  return { child, next };
}

const post = (worker: Worker, message: ToWorker) => worker.child.send(message);

function merge(into: GroupResult, from: GroupResult): GroupResult {
  into.receivers += from.receivers;
  for (const latency of from.latenciesMs) into.latenciesMs.push(latency);
  for (const latency of from.warmUpLatenciesMs) into.warmUpLatenciesMs.push(latency);
  into.expected += from.expected;
  into.lost += from.lost;
  into.lostReconnecting += from.lostReconnecting;
  into.missingAtGrace += from.missingAtGrace;
  into.settledAfterMs = Math.max(into.settledAfterMs, from.settledAfterMs);
  into.duplicates += from.duplicates;
  into.caughtUp += from.caughtUp;
  into.reconnects += from.reconnects;
  for (const [event, count] of Object.entries(from.failures)) into.failures[event] = (into.failures[event] ?? 0) + count;
  return into;
}

export class ReceiverPool {
  private constructor(private readonly workers: Worker[]) {}

  /** The receiver processes' pids, to measure the clients' own CPU use. */
  get pids(): number[] {
    return this.workers.map((worker) => worker.child.pid!);
  }

  get processes(): number {
    return this.workers.length;
  }

  /**
   * Spawns `processes` receiver processes and deals the specs out round-robin; resolves when every
   * client has signed in, connected, listed rooms, joined its room and followed it if asked to.
   * Every receiver is a `client` (client-kind.ts).
   */
  static async start(
    specs: readonly ReceiverSpec[],
    { processes = 1, signInConcurrency = 4, client = 'wire' }: { processes?: number; signInConcurrency?: number; client?: ClientKind } = {},
  ): Promise<ReceiverPool> {
    const workers = Array.from({ length: Math.max(1, Math.min(processes, specs.length)) }, spawnWorker);
    const pool = new ReceiverPool(workers);
    try {
      await Promise.all(
        workers.map((worker, index) => {
          const mine = specs.filter((_, i) => i % workers.length === index);
          post(worker, { type: 'setup', specs: mine, signInConcurrency: Math.max(1, Math.ceil(signInConcurrency / workers.length)), client });
          return worker.next('ready');
        }),
      );
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  start(): void {
    for (const worker of this.workers) post(worker, { type: 'start' });
  }

  /** Results per group, lost deliveries counted against `expected` (room id → acked seqs) once
   * they settle (at most `settleWithinMs` after this call), and what the receiver processes spent
   * since start(). */
  async finish(expected: Record<string, number[]>, settleWithinMs: number): Promise<{ groups: Record<string, GroupResult>; cost: ClientCost }> {
    const answers = await Promise.all(
      this.workers.map(async (worker) => {
        post(worker, { type: 'finish', expected, settleWithinMs });
        return (await worker.next('result')) as Extract<FromWorker, { type: 'result' }>;
      }),
    );
    const groups: Record<string, GroupResult> = {};
    const cost: ClientCost = { cpuMs: 0, deliveries: 0 };
    for (const { groups: theirs, cost: theirCost } of answers) {
      for (const [name, result] of Object.entries(theirs)) {
        groups[name] = merge(groups[name] ?? emptyGroup(), result);
      }
      cost.cpuMs += theirCost.cpuMs;
      cost.deliveries += theirCost.deliveries;
    }
    return { groups, cost };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.child.exitCode !== null || !worker.child.connected) return resolve();
            worker.child.once('exit', () => resolve());
            post(worker, { type: 'close' });
            setTimeout(() => (worker.child.kill('SIGKILL'), resolve()), 5000).unref();
          }),
      ),
    );
  }
}
