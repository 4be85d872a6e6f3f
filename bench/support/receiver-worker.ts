// One receiver process of a ReceiverPool: runs many simulated clients (the wire-level build by
// default, socket.io-client with `--client socket.io`; client-kind.ts) so that the clients' own
// work (decoding every delivery, sending a marker per arrival) can be spread over processes and
// not be what a benchmark measures. Started by receiver-pool.ts; talks to it over IPC only.
import type { SessionResponse } from '../../common/protocol';
import { inBatches, signIn } from './admin-api';
import { isWarmUp, nowMs, stampOf } from './clock';
import type { SimulatedClient } from './client-behaviour';
import { type ClientKind, createClient } from './client-kind';
import { type ClientCost, emptyGroup, type FromWorker, type GroupResult, type ReceiverSpec, type ToWorker } from './receiver-protocol';

interface Running {
  spec: ReceiverSpec;
  client: SimulatedClient;
  latenciesMs: number[];
  warmUpLatenciesMs: number[];
  reconnectFailed: boolean;
}

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
    setTimeout(() => {
      entry.client.reconnect(offlineMs).catch(() => (entry.reconnectFailed = true));
    }, atMs);
  }
}

function cost(): ClientCost {
  const used = process.cpuUsage(cpuAtStart);
  return { cpuMs: (used.user + used.system) / 1000, deliveries };
}

function finish(expected: Record<string, number[]>): Record<string, GroupResult> {
  const groups: Record<string, GroupResult> = {};
  for (const { spec, client, latenciesMs, warmUpLatenciesMs, reconnectFailed } of running) {
    const group = (groups[spec.group] ??= emptyGroup());
    const wanted = expected[spec.roomId] ?? [];
    const seen = client.seenSeqs(spec.roomId);
    group.receivers += 1;
    for (const latency of latenciesMs) group.latenciesMs.push(latency);
    for (const latency of warmUpLatenciesMs) group.warmUpLatenciesMs.push(latency);
    group.expected += wanted.length;
    let lost = 0;
    for (const seq of wanted) if (!seen.has(seq)) lost += 1;
    group.lost += lost;
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
      // Counted as things stand now: a reconnect still under way has simply lost what it lacks.
      send({ type: 'result', groups: finish(message.expected), cost: cost() });
      break;
    case 'close':
      for (const { client } of running) client.close();
      process.exit(0);
  }
});
