// Settled resident memory of a server, read from /proc the way an operator would. When the server
// was started with the gc-on-signal.mjs preload (memoryProbeEnv), each reading follows two full
// garbage collections, so it shows what the server holds rather than garbage not yet collected.
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/support/server-process';
import type { BenchServer } from './bench-servers';
import { sleep } from './clock';
import { rssBytes } from './proc-stats';

/** Environment that starts a server with --expose-gc and the SIGUSR2 → gc() preload. */
export const memoryProbeEnv = (): Record<string, string> => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc --import ${join(REPO_ROOT, 'bench', 'support', 'gc-on-signal.mjs')}`.trim(),
});

/** Whether readings of `server` can force a GC (its preload said so). */
export const canForceGc = (server: BenchServer) => server.output().includes('gc-on-signal: ready');

/** RSS after `settleMs` of quiet (and two forced GCs when possible): the median of 3 samples. */
export async function settledRss(server: BenchServer, settleMs = 1500): Promise<number> {
  await sleep(settleMs);
  if (canForceGc(server)) {
    for (let i = 0; i < 2; i += 1) {
      process.kill(server.pid, 'SIGUSR2');
      await sleep(300);
    }
  }
  const samples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    samples.push(rssBytes(server.pid));
    await sleep(200);
  }
  return samples.sort((a, b) => a - b)[1]!;
}

/** Samples RSS every `everyMs` until stop(); stop() returns the highest reading. */
export function peakRss(pid: number, everyMs = 20) {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssBytes(pid));
    } catch {
      // The process ended; the peak so far stands.
    }
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, rssBytes(pid));
    },
  };
}
