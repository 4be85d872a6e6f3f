// Realistic fan-out (issue 8): R receivers in one room, L msg/s for D s, every receiver behaving
// like the real client (support/real-client.ts): signed in, rooms:list, joined, one room:read per
// arrival while focused (the worst case kept on purpose), 20 % following the room, 5 % dropping
// and coming back during the run with messages:since catch-up. The same clients, in the same run,
// against bare socket.io answering the same events from memory: the baseline.
//
// Measured per server: its CPU over the send phase (/proc utime+stime, % of one core), p50/p99
// send→delivery over live deliveries, deliveries missing once they settle (catch-up counted; from
// 2 s after the run, catch-ups still in flight waited for, and the count at 2 s printed beside),
// sends never acked. Receivers run in child processes; the table says how many, and
// which client build drove both servers: the wire-level client by default (support/wire-client.ts,
// cheap enough that the clients are not the bottleneck), socket.io-client with --client socket.io.
//
// Each size runs as R pairs, bare then pchat (--repeat, default 3, --quick 1): on 2 shared cores one
// server's CPU moves by a fifth from run to run (bare socket.io read 47–61 % in six runs of one
// hour), so the verdict goes on the median over the pairs (each pair's CPU ratio, each run's p99),
// and every pair is printed.
//
//   npx tsx bench/realistic-fanout.ts [--quick] [--store sqlite|postgres] [--receivers 200]
//        [--rate 50] [--seconds 8] [--repeat 3] [--users N] [--client-processes K] [--client wire|socket.io]
import { type BenchServer, startBare, startPchat } from './support/bench-servers';
import { CLIENT_FLAG, clientKindOption, clientLabel } from './support/client-kind';
import { type FanoutResult, WARM_UP_SECONDS, failuresCell, lostCell, receiverSpecs, runFanout, senderCount } from './support/fanout-run';
import { describeLoad, describeRun } from './support/machine';
import { deadline, numberOption, parseBenchArgs } from './support/run-guard';
import { ms, pct, percentile, table, verdict } from './support/stats';

const options = parseBenchArgs({ receivers: '', rate: '', seconds: '', repeat: '', users: '', 'client-processes': '', ...CLIENT_FLAG });
const CLIENT = clientKindOption(options);
const REPEAT = numberOption(options, 'repeat', 3, 1);
deadline('realistic fan-out', options.quick ? 420 : 600 + 420 * REPEAT);
const RATE = numberOption(options, 'rate', 50);
const SECONDS = numberOption(options, 'seconds', 8, 4);
const SIZES = options.values.receivers ? [numberOption(options, 'receivers', 200)] : [200, 1000];

interface Target {
  maxP99Ms: number;
  /** Server CPU at most this many times bare socket.io's, when the issue sets one. */
  maxCpuRatio?: number;
}
// The issue's targets for this 2-core machine.
const TARGETS: Record<number, Target> = { 200: { maxP99Ms: 50, maxCpuRatio: 1.5 }, 1000: { maxP99Ms: 100 } };

interface Run {
  server: string;
  receivers: number;
  users: number;
  result: FanoutResult;
}

async function measure(server: BenchServer, receivers: number): Promise<Run> {
  try {
    // Distinct users by default; --quick lets several receivers be one user's devices to spare
    // the scrypt sign-ins (about 30 ms of server CPU each) that would dominate its time.
    const users = Math.min(receivers, numberOption(options, 'users', receivers, 250));
    console.error(`· ${server.label}: ${receivers} receivers (${users} users), setting up`);
    const receiverUsers = await server.createUsers('receiver', users);
    const senderUsers = await server.createUsers('sender', senderCount(RATE));
    const roomId = await server.createOpenRoom('Fan-out');
    const processes = numberOption(options, 'client-processes', receivers > 250 ? 2 : 1);
    const specs = receiverSpecs({ count: receivers, users: receiverUsers, roomId, seconds: SECONDS, urlOf: () => server.url });
    console.error(`· ${server.label}: sending ${RATE} msg/s for ${SECONDS} s`);
    const result = await runFanout({
      specs,
      senders: senderUsers.map((credentials) => ({ url: server.url, credentials })),
      roomId,
      rate: RATE,
      seconds: SECONDS,
      serverPids: [server.pid],
      processes,
      client: CLIENT,
    });
    return { server: server.label, receivers, users, result };
  } finally {
    await server.close();
  }
}

const median = (values: readonly number[]) => percentile(values, 50);
const p99Of = (run: Run) => percentile(run.result.groups.all!.latenciesMs, 99);
const cpuOf = (run: Run) => run.result.serverCpu[0]!;

/** The target's checks over one or more (bare, pchat) pairs: medians of p99 and CPU ratio, every loss. */
function judge(pairs: readonly [Run, Run][]): string[] {
  const target = TARGETS[pairs[0]![1].receivers];
  if (!target) return ['(no target at this size)', ''];
  const p99 = median(pairs.map(([, ours]) => p99Of(ours)));
  const ratio = median(pairs.map(([bare, ours]) => cpuOf(ours) / cpuOf(bare)));
  const nothingLost = pairs.every(([, ours]) => ours.result.groups.all!.lost === 0 && ours.result.unacked === 0);
  const checks = [nothingLost, p99 <= target.maxP99Ms, target.maxCpuRatio === undefined || ratio <= target.maxCpuRatio];
  const over = pairs.length > 1 ? ` (medians of ${pairs.length} pairs)` : '';
  return [
    `0 lost, p99 ≤ ${target.maxP99Ms} ms${target.maxCpuRatio ? `, CPU ≤ ${target.maxCpuRatio}× bare (${ratio.toFixed(2)}×)` : ''}${over}`,
    verdict(checks.every(Boolean)),
  ];
}

function row(run: Run, judged: string[]): string[] {
  const all = run.result.groups.all!;
  const p99 = percentile(all.latenciesMs, 99);
  const cpu = run.result.serverCpu[0]!;
  return [
    `${run.receivers} × ${RATE}/s (sent ${run.result.achievedRate.toFixed(1)}/s)`,
    run.server,
    pct(cpu),
    `${pct(run.result.clientCpu)}, ${run.result.receiverUsPerDelivery.toFixed(0)} µs/msg (${clientLabel(run.result.client)}: ${run.result.processes} receiver + 1 sender proc)`,
    ms(percentile(all.latenciesMs, 50)),
    ms(p99),
    ms(percentile(all.warmUpLatenciesMs, 99)),
    lostCell(all),
    `${run.result.unacked} of ${run.result.sent}`,
    `${all.reconnects}/${all.caughtUp}`,
    failuresCell(all),
    ...judged,
  ];
}

console.log(`realistic fan-out · ${describeRun()} · store ${options.store} · clients ${clientLabel(CLIENT)}${options.quick ? ' · --quick' : ''}`);
const rows: string[][] = [];
for (const receivers of SIZES) {
  const pairs: [Run, Run][] = [];
  for (let pair = 1; pair <= REPEAT; pair += 1) {
    const bare = await measure(await startBare(), receivers);
    const ours = await measure(await startPchat({ store: options.store }), receivers);
    pairs.push([bare, ours]);
    const judged = REPEAT === 1 ? judge(pairs) : [`pair ${pair} of ${REPEAT}: ${(cpuOf(ours) / cpuOf(bare)).toFixed(2)}× bare's CPU`, ''];
    rows.push(row(bare, ['baseline', '']), row(ours, judged));
    if (ours.users < receivers) console.error(`· ${receivers} receivers were ${ours.users} users (${(receivers / ours.users).toFixed(0)} devices each)`);
  }
  if (REPEAT > 1) {
    const bareP99 = median(pairs.map(([bare]) => p99Of(bare)));
    const ours = median(pairs.map(([, run]) => p99Of(run)));
    rows.push([`${receivers} × ${RATE}/s, median`, 'pchat over bare', '', '', '', `${ms(ours)} (bare ${ms(bareP99)})`, '', '', '', '', '', ...judge(pairs)]);
  }
}
console.log(
  table(
    ['load', 'server', 'server CPU', 'client CPU', 'p50', 'p99', 'warm-up p99', 'lost', 'unacked', 'reconn/caught-up', 'request failures', 'target', 'verdict'],
    rows,
  ),
);
console.log(
  `clients: ${clientLabel(CLIENT)} for every receiver and sender, against both servers · each receiver: sign-in, rooms:list, room:join, room:read per arrival; 20 % follow, 5 % reconnect once (offline 1 s) and catch up; ` +
    `${WARM_UP_SECONDS} s of the same load first, not timed (its p99 is the "warm-up p99" column; its messages count in lost and unacked); ` +
    `${senderCount(RATE)} senders at ≤ 15 msg/s each; CPU = % of one core over the send phase; µs/msg = receiver CPU per message handled, start of sends to final count; lost = acked messages a receiver had not seen once deliveries settled (from 2 s after the run, every catch-up in flight answered and nothing new for 1 s, at most 30 s; what was still on its way at 2 s is printed beside) · ${describeLoad()}`,
);
process.exit(0);
