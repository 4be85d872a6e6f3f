// Capacity: how many connected users one pchat server holds at p99 ≤ 100 ms delivery latency with
// nothing lost, under a model after Skype for Business Persistent Chat's capacity planning
// (bench/scale/capacity-model.ts: rooms of 30, 150 and thousands of members with the participant
// limit of 75 in force; each user with one room open, some follows, posts, room switches and
// reconnects at stated rates; read markers per arrival while focused). Steps the number of
// connected users up, measuring each step for a fixed window: server CPU and RSS (from /proc),
// send→delivery latency at every receiver, lost deliveries, refused requests. The full run stops
// at the first step that does not hold. Baseline in the same run: the same model, same steps, against a bare
// socket.io server (bench/support/bare-socketio-server.ts). The simulated users run in several
// client processes (bench/scale/capacity-worker.ts), every one the wire-level client
// (bench/support/wire-client.ts) unless --client socket.io; the table names it.
//
//   npx tsx bench/capacity.ts [--quick] [--store sqlite|postgres] [--steps 1000,2000,…] [--window S] [--fresh]
//        [--client wire|socket.io]
import { startServerProcess } from '../test/support/server-process';
import { startBare } from './support/bench-servers';
import { CLIENT_ENV, CLIENT_FLAG, clientKindOption, clientLabel } from './support/client-kind';
import { sleep } from './support/clock';
import { describeLoad, describeRun } from './support/machine';
import { childPid, cpuMeter, rssBytes } from './support/proc-stats';
import { deadline, numberOption, onExit, parseBenchArgs } from './support/run-guard';
import { verdict } from './support/stats';
import type { UserSpec, WindowStats, SentMessage } from './scale/capacity-messages';
import { type CapacityModel, FULL_MODEL, QUICK_MODEL, describeRates, follows, isFocused, planRooms, roomKeysOf } from './scale/capacity-model';
import { capacityLine, stepResult, stepTable, type StepResult, USERS_TARGET } from './scale/capacity-report';
import { machineMeter, processesMeter } from './scale/machine-load';
import { backendPids, preparedStore } from './scale/seed-cache';
import { ADMIN_PASSWORD, type CapacityMeta, refreshSessions, seedCapacity } from './scale/seed-capacity';
import { DRAIN_MS } from './scale/sim-user';
import { WorkerPool } from './scale/worker-pool';

const options = parseBenchArgs({ steps: '', window: '', ...CLIENT_FLAG });
const CLIENT = clientKindOption(options);
// The client processes inherit the environment; this is how they learn which client to build.
process.env[CLIENT_ENV] = CLIENT;
const { quick, store } = options;
deadline('capacity', quick ? 420 : 3000);
const base = quick ? QUICK_MODEL : FULL_MODEL;
const stepsFlag = typeof options.values.steps === 'string' && options.values.steps !== '' ? options.values.steps : undefined;
const model: CapacityModel = {
  ...base,
  steps: stepsFlag ? stepsFlag.split(',').map(Number).filter((n) => n > 0) : base.steps,
  windowS: numberOption(options, 'window', FULL_MODEL.windowS, QUICK_MODEL.windowS),
};
const maxUsers = Math.max(...model.steps);
const log = (text: string) => process.stderr.write(`capacity: ${text}\n`);
const runAtStart = describeRun();

const prepared = await preparedStore<CapacityMeta>({
  store,
  name: `capacity-${maxUsers}`,
  fresh: options.values.fresh === true,
  seed: (target) => seedCapacity(target, maxUsers),
});
await refreshSessions(prepared.run);
log(prepared.seeded === 'cache' ? 'users and rooms from the cache' : `seeded in ${prepared.seeded.toFixed(0)} s`);
const { meta } = prepared;
const specs = (bare: boolean): UserSpec[] =>
  meta.users.map((user, u) => ({
    index: u,
    name: user.name,
    // The bare server signs anyone in and names the user after the token.
    id: bare ? user.name : user.id,
    token: bare ? `bare:${user.name}` : user.token,
    rooms: roomKeysOf(u).map((key) => meta.rooms[key]!),
    follows: follows(u),
    focused: isFocused(u, model),
  }));

const workers = WorkerPool.start(Math.max(2, Math.ceil(maxUsers / model.clientsPerWorker)));

interface Target {
  label: string;
  url: string;
  pid: number;
  bare: boolean;
  /** PostgreSQL backends doing this server's queries (their CPU is part of its cost). */
  databasePids?: () => Promise<number[]>;
  close(): Promise<unknown>;
}

async function startPchat(): Promise<Target> {
  const server = await startServerProcess({ args: ['--port', '0', ...prepared.run.serverArgs()], env: { PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  const forget = onExit(() => void server.kill('SIGKILL'));
  return {
    label: `pchat (${store}) · ${CLIENT}`,
    url: server.url,
    pid: childPid(prepared.run.dataDir),
    bare: false,
    databasePids: prepared.run.databaseUrl === undefined ? undefined : () => backendPids(prepared.run.databaseUrl!),
    close: () => server.kill('SIGTERM').finally(forget),
  };
}

/** /healthz every 100 ms during a window: the longest answer says how long the event loop stalls. */
function healthzWatch(url: string) {
  let running = true;
  let longest = 0;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(new URL('/healthz', url)).then((r) => r.arrayBuffer(), () => undefined);
      longest = Math.max(longest, performance.now() - started);
      await sleep(100);
    }
  })();
  return { stop: async () => ((running = false), await done, longest) };
}

async function runSteps(target: Target, steps: readonly number[], stopAtFailure: boolean): Promise<StepResult[]> {
  const users = specs(target.bare);
  const results: StepResult[] = [];
  let connected = 0;
  for (const step of steps) {
    const fresh = users.slice(connected, step);
    log(`${target.label}: connecting users ${connected + 1}–${step}`);
    const connectStarted = performance.now();
    const connects = await workers.all((w) => ({ type: 'connect', url: target.url, model, users: fresh.filter((u) => u.index % workers.size === w) }));
    const connectS = (performance.now() - connectStarted) / 1000;
    connected = step;
    let connectFailed = 0;
    let connectError: string | undefined;
    for (const reply of connects) {
      if (reply.type !== 'connected') continue;
      connectFailed += reply.failed;
      connectError ??= reply.firstError;
    }
    await sleep(2000);
    log(`${target.label}: measuring ${step} users for ${model.windowS} s`);
    await workers.all({ type: 'window' });
    const serverCpu = cpuMeter([target.pid]);
    const database = target.databasePids ? processesMeter(await target.databasePids()) : undefined;
    const machine = machineMeter();
    const healthz = healthzWatch(target.url);
    await sleep(model.windowS * 1000);
    const paused = await workers.all({ type: 'pause' });
    const serverCpuPct = serverCpu.stop();
    const databaseCpuPct = database?.stop();
    const machinePct = machine.stop();
    const rss = rssBytes(target.pid);
    const healthzMaxMs = await healthz.stop();
    const sent = paused.flatMap((reply): SentMessage[] => (reply.type === 'paused' ? reply.sent : []));
    await sleep(3000); // deliveries still on their way: the receivers' 2 s grace and some
    const windows = (await workers.all({ type: 'loss', sent })).flatMap((reply): WindowStats[] => (reply.type === 'stats' ? [reply.stats] : []));
    await workers.all({ type: 'resume' });
    const result = stepResult(
      { label: target.label, users: step, connectFailed, connectError, connectS, windowS: model.windowS, serverCpuPct, databaseCpuPct, rssBytes: rss, machinePct, healthzMaxMs },
      windows,
    );
    results.push(result);
    log(`${target.label}: ${step} users → p99 ${result.p99.toFixed(1)} ms, lost ${result.lost}, server CPU ${serverCpuPct.toFixed(0)} % ${verdict(result.pass)}`);
    if (stopAtFailure && !result.pass) break;
  }
  await workers.all({ type: 'reset' });
  return results;
}

const pchatTarget = await startPchat();
// The full run stops at the first step that breaks (higher ones only take longer to fail);
// --quick always runs both of its small steps.
const ours = await runSteps(pchatTarget, model.steps, !quick);
await pchatTarget.close();
const bareServer = await startBare();
const bare = await runSteps({ ...bareServer, label: `${bareServer.label} · ${CLIENT}`, bare: true }, ours.map((r) => r.users), false);
await bareServer.close();
workers.close();
await prepared.drop();

// ---- report -------------------------------------------------------------------------------
const rooms = planRooms(maxUsers);
const sizes = (prefix: string) => [...rooms.entries()].filter(([key]) => key.startsWith(prefix)).map(([, members]) => members.length);
const range = (list: number[]) => `${Math.min(...list)}–${Math.max(...list)}`;
console.log(`\ncapacity · ${runAtStart} at the start, ${describeLoad()} at the end · store ${store}${prepared.seeded === 'cache' ? ' (seed from cache)' : ''}`);
console.log(
  `model: ${maxUsers} users seeded in ${rooms.size} closed rooms — ${sizes('s-').length} of ${range(sizes('s-'))}, ` +
    `${sizes('m-').length} of ${range(sizes('m-'))}, ${sizes('l-').length} of ${range(sizes('l-'))} (participant limit 75: truncated rosters); ` +
    `each user in 4 rooms, one open at a time`,
);
console.log(`load: ${describeRates(model, maxUsers)}${quick ? ' — time compressed for --quick' : ''}`);
console.log(
  `clients: ${workers.size} client processes (≤ ${model.clientsPerWorker} users each, one connection per user, ${clientLabel(CLIENT)}); ` +
    `each step measured for ${model.windowS} s after all its users connected; lost = deliveries missing ${DRAIN_MS / 1000} s after the send, neither live nor caught up; ` +
    `db CPU = the PostgreSQL backends serving the server (SQLite runs inside the server process)\n`,
);
console.log(stepTable([...ours, ...bare]));
for (const r of [...ours, ...bare]) if (r.reasons.length > 0) console.log(`  ${r.label} at ${r.users}: ${r.reasons.join('; ')}`);
const mine = capacityLine(pchatTarget.label, ours);
console.log(`\n${mine.text}`);
console.log(capacityLine(`bare socket.io · ${CLIENT} (baseline)`, bare).text);
const reached = maxUsers >= USERS_TARGET;
console.log(
  `target ≥ ${USERS_TARGET.toLocaleString('en')} connected users at p99 ≤ 100 ms: ` +
    (reached || mine.held < maxUsers ? verdict(mine.held >= USERS_TARGET) : `not measured here (the largest step is ${maxUsers}; the full run steps up to 10,000)`),
);
process.exit(0);
