// Timing requests the way a user feels them: one at a time (so each figure is the latency of a
// request, not a queue), and "how long does anybody wait while heavy requests run" — probes
// that keep asking the server something cheap while a burst of searches is in flight.
import { sleep } from '../support/clock';
import type { RealClient } from '../support/real-client';

export interface Timed {
  samples: number[];
  failures: number;
  firstError?: string;
}

/** Runs `run(i)` `count` times one after the other and times each call. */
export async function timeEach(count: number, run: (i: number) => Promise<unknown>): Promise<Timed> {
  const timed: Timed = { samples: [], failures: 0 };
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    try {
      await run(i);
      timed.samples.push(performance.now() - started);
    } catch (error) {
      timed.failures += 1;
      timed.firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
  return timed;
}

export interface StallRound {
  /** Longest any /healthz request waited (HTTP), among those overlapping the burst. */
  healthzMs: number;
  /** Longest any room:join or rooms:list waited (socket), among those overlapping the burst. */
  socketMs: number;
  /** From firing the burst until its last answer. */
  burstMs: number;
  probes: number;
}

interface Probe {
  started: number;
  ended: number;
}

/** Calls `ask` back to back (with `gapMs` between, to stay under the rate limit) until stopped. */
function probeLoop(ask: () => Promise<unknown>, gapMs: number) {
  const probes: Probe[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      await ask().catch(() => undefined);
      probes.push({ started, ended: performance.now() });
      await sleep(gapMs);
    }
  })();
  return {
    probes,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** The longest probe that overlapped [from, to]. */
const longest = (probes: readonly Probe[], from: number, to: number) =>
  probes.filter((p) => p.started < to && p.ended > from).reduce((max, p) => Math.max(max, p.ended - p.started), 0);

/**
 * Fires `burst()` while probes run over HTTP (/healthz) and the socket (room:join + room:leave of a
 * random room, and rooms:list, in turn), and reports the longest wait among probes that overlapped
 * the burst. With `burst` resolving at once this measures the idle case (the baseline).
 */
export async function stallRound(
  serverUrl: string,
  prober: RealClient,
  roomIds: readonly string[],
  burst: () => Promise<unknown>,
  idleMs = 0,
): Promise<StallRound> {
  const healthz = probeLoop(() => fetch(new URL('/healthz', serverUrl)).then((r) => r.arrayBuffer()), 2);
  let turn = 0;
  const socket = probeLoop(async () => {
    turn += 1;
    if (turn % 2 === 0) return prober.request('rooms:list', {});
    const roomId = roomIds[Math.floor(Math.random() * roomIds.length)]!;
    await prober.request('room:join', { roomId });
    // Leaving is not timed as a probe of its own; it keeps the prober in one room at a time.
    void prober.request('room:leave', { roomId }).catch(() => undefined);
  }, 15);
  await sleep(300);
  const from = performance.now();
  await Promise.all([burst(), sleep(idleMs)]);
  const to = performance.now();
  await sleep(100);
  await Promise.all([healthz.stop(), socket.stop()]);
  return {
    healthzMs: longest(healthz.probes, from, to),
    socketMs: longest(socket.probes, from, to),
    burstMs: to - from,
    probes: healthz.probes.length + socket.probes.length,
  };
}
