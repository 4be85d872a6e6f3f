// One receiver process of a ReceiverPool: runs many simulated clients (the wire-level build by
// default, socket.io-client with `--client socket.io`; client-kind.ts) so that the clients' own
// work (decoding every delivery, sending a marker per arrival) can be spread over processes and
// not be what a benchmark measures. Started by receiver-pool.ts; talks to it over IPC only.
import type { SessionResponse } from '../../common/protocol';
import { inBatches, signIn } from './admin-api';
import { isWarmUp, nowMs, sleep, stampOf } from './clock';
import type { SimulatedClient } from './client-behaviour';
import { type ClientKind, createClient } from './client-kind';
import { type ClientCost, emptyGroup, type FromWorker, type GroupResult, type ReceiverSpec, type ToWorker } from './receiver-protocol';

interface Running {
  spec: ReceiverSpec;
  client: SimulatedClient;
  latenciesMs: number[];
  warmUpLatenciesMs: number[];
  reconnectFailed: boolean;
  /** The drop-and-come-back of a reconnecting receiver, from start() until its catch-up is answered. */
  reconnecting?: Promise<void>;
}

/** Deliveries have settled once nothing new arrived for this long (and no catch-up is in flight). */
const QUIET_MS = 1000;

let running: Running[] = [];
let deliveries = 0;
let cpuAtStart: NodeJS.CpuUsage | undefined;

const send = (message: FromWorker) => process.send?.(message);
// The pool went away (crash, deadline): nothing left to report to.
process.on('disconnect', () => process.exit(0));

async function setup(specs: ReceiverSpec[], signInConcurrency: number, kind: ClientKind): Promise<void> {
  // One sign-in per user and server in this process: several receivers may be one user's devices.
  const sessions = new Map<string, Promise<SessionResponse>>();
  const sessionOf = (spec: ReceiverSpec) => {
    const key = `${spec.url}\n${spec.credentials.name}`;
    if (!sessions.has(key)) sessions.set(key, signIn(spec.url, spec.credentials));
    return sessions.get(key)!;
  };
  running = await inBatches(specs, signInConcurrency, async (spec) => {
    const latenciesMs: number[] = [];
    const warmUpLatenciesMs: number[] = [];
    const client = createClient(kind, {
      url: spec.url,
      session: await sessionOf(spec),
      focused: spec.focused,
      onMessage: (message, via) => {
        deliveries += 1;
        const sentAt = via === 'live' ? stampOf(message.text) : undefined;
        if (sentAt !== undefined) (isWarmUp(message.text) ? warmUpLatenciesMs : latenciesMs).push(nowMs() - sentAt);
      },
    });
    await client.connect();
    await client.open(spec.roomId);
    if (spec.follow) await client.follow(spec.roomId);
    return { spec, client, latenciesMs, warmUpLatenciesMs, reconnectFailed: false };
  });
}

function start(): void {
  deliveries = 0;
  cpuAtStart = process.cpuUsage();
  for (const entry of running) {
    if (!entry.spec.reconnect) continue;
    const { atMs, offlineMs } = entry.spec.reconnect;
    entry.reconnecting = new Promise<void>((resolve) =>
      setTimeout(() => {
        entry.client
          .reconnect(offlineMs)
          .catch(() => (entry.reconnectFailed = true))
          .finally(resolve);
      }, atMs),
    );
  }
}

function cost(): ClientCost {
  const used = process.cpuUsage(cpuAtStart);
  return { cpuMs: (used.user + used.system) / 1000, deliveries };
}

/** Expected messages `entry` has not seen (live, in its join's history or caught up). */
function missing({ spec, client }: Running, expected: Record<string, number[]>): number {
  const seen = client.seenSeqs(spec.roomId);
  let count = 0;
  for (const seq of expected[spec.roomId] ?? []) if (!seen.has(seq)) count += 1;
  return count;
}

/**
 * Waits, at most `withinMs`, until deliveries have settled: every reconnect's catch-up answered
 * and either nothing missing or nothing new for QUIET_MS. On an overloaded server a receiver
 * that came back late in the run still has its rejoin and messages:since on the way when the
 * count is asked for; what it then receives was delayed, not lost, and is counted as seen.
 * Resolves with how long it waited.
 */
async function settle(expected: Record<string, number[]>, withinMs: number): Promise<number> {
  const started = nowMs();
  const pending = running.flatMap((entry) => (entry.reconnecting ? [entry.reconnecting] : []));
  let catchUpsDone = false;
  void Promise.all(pending).then(() => (catchUpsDone = true));
  let lastCount = deliveries;
  let lastChange = started;
  while (nowMs() - started < withinMs) {
    if (deliveries !== lastCount) [lastCount, lastChange] = [deliveries, nowMs()];
    const quiet = nowMs() - lastChange >= QUIET_MS;
    if (catchUpsDone && (quiet || running.every((entry) => missing(entry, expected) === 0))) break;
    await sleep(50);
  }
  const waited = nowMs() - started;
  return waited < 60 ? 0 : waited;
}

async function finish(expected: Record<string, number[]>, settleWithinMs: number): Promise<Record<string, GroupResult>> {
  const atGrace = running.map((entry) => missing(entry, expected));
  const settledAfterMs = await settle(expected, settleWithinMs);
  const groups: Record<string, GroupResult> = {};
  for (const [index, entry] of running.entries()) {
    const { spec, client, latenciesMs, warmUpLatenciesMs, reconnectFailed } = entry;
    const group = (groups[spec.group] ??= emptyGroup());
    const wanted = expected[spec.roomId] ?? [];
    group.receivers += 1;
    for (const latency of latenciesMs) group.latenciesMs.push(latency);
    for (const latency of warmUpLatenciesMs) group.warmUpLatenciesMs.push(latency);
    group.expected += wanted.length;
    const lost = missing(entry, expected);
    group.lost += lost;
    group.missingAtGrace += atGrace[index]!;
    group.settledAfterMs = Math.max(group.settledAfterMs, settledAfterMs);
    if (spec.reconnect) group.lostReconnecting += lost;
    group.duplicates += client.counters.duplicates;
    group.caughtUp += client.counters.caughtUp;
    group.reconnects += client.counters.reconnects;
    for (const [event, count] of Object.entries(client.counters.failures)) group.failures[event] = (group.failures[event] ?? 0) + count;
    if (reconnectFailed) group.failures.reconnect = (group.failures.reconnect ?? 0) + 1;
  }
  return groups;
}

process.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'setup':
      setup(message.specs, message.signInConcurrency, message.client).then(
        () => send({ type: 'ready' }),
        (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
      break;
    case 'start':
      start();
      break;
    case 'finish':
      finish(message.expected, message.settleWithinMs).then(
        (groups) => send({ type: 'result', groups, cost: cost() }),
        (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
      break;
    case 'close':
      for (const { client } of running) client.close();
      process.exit(0);
  }
});
