// Two pchat servers with --redis sharing one PostgreSQL database (issue 8): receivers split over
// both, senders on server one, all behaving like the real client (support/real-client.ts: markers
// per arrival, 20 % following, 5 % reconnecting with catch-up). Compares, in the same run, the
// p99 of receivers on server two (every delivery crosses Redis) with that of receivers on server
// one (the one-server figure). Always PostgreSQL: two servers must share a database, so --store
// is ignored. Needs PostgreSQL and Redis (`bash scripts/ci-services.sh`; PCHAT_BENCH_POSTGRES_URL,
// PCHAT_BENCH_REDIS_URL) and says SKIPPED without them. Clients: the wire-level build
// (support/wire-client.ts) unless --client socket.io.
//
//   npx tsx bench/cluster-redis.ts [--quick] [--receivers 200] [--rate 50] [--seconds 8] [--client wire|socket.io]
import { redisReachable } from '../test/support/redis-probe';
import { REDIS_URL, startPchat } from './support/bench-servers';
import { CLIENT_FLAG, clientKindOption, clientLabel } from './support/client-kind';
import { WARM_UP_SECONDS, failuresCell, lostCell, receiverSpecs, runFanout, senderCount } from './support/fanout-run';
import { describeLoad, describeRun } from './support/machine';
import { deadline, numberOption, parseBenchArgs } from './support/run-guard';
import { ms, pct, percentile, table, verdict } from './support/stats';

const options = parseBenchArgs({ receivers: '', rate: '', seconds: '', ...CLIENT_FLAG });
const CLIENT = clientKindOption(options);
deadline('cluster with Redis', options.quick ? 300 : 600);
const RECEIVERS = numberOption(options, 'receivers', 200, 100);
const RATE = numberOption(options, 'rate', 50);
const SECONDS = numberOption(options, 'seconds', 8, 4);
const MARGIN_MS = 5;

console.log(`cluster with Redis · ${describeRun()} · store postgres (always) · clients ${clientLabel(CLIENT)}${options.quick ? ' · --quick' : ''}`);
if (!(await redisReachable(REDIS_URL))) {
  console.log(`SKIPPED: no Redis answers at ${REDIS_URL} (start it with \`bash scripts/ci-services.sh\` or set PCHAT_BENCH_REDIS_URL)`);
  process.exit(0);
}
let one;
try {
  one = await startPchat({ store: 'postgres', redis: REDIS_URL });
} catch (error) {
  console.log(`SKIPPED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(0);
}
const two = await startPchat({ store: 'postgres', redis: REDIS_URL, databaseUrl: one.databaseUrl });
try {
  console.error(`· two servers: ${RECEIVERS} receivers split over both, setting up`);
  const users = await one.createUsers('receiver', RECEIVERS);
  const senders = await one.createUsers('sender', senderCount(RATE));
  const roomId = await one.createOpenRoom('Across servers');
  // Alternate servers, shifted every 20 receivers so the reconnecting ones (every 20th) land on both.
  const onOne = (i: number) => (i + Math.floor(i / 20)) % 2 === 0;
  const specs = receiverSpecs({
    count: RECEIVERS,
    users,
    roomId,
    seconds: SECONDS,
    urlOf: (i) => (onOne(i) ? one.url : two.url),
    groupOf: (i) => (onOne(i) ? 'same server' : 'cross server'),
  });
  console.error(`· two servers: sending ${RATE} msg/s for ${SECONDS} s to server one`);
  const result = await runFanout({
    specs,
    senders: senders.map((credentials) => ({ url: one.url, credentials })),
    roomId,
    rate: RATE,
    seconds: SECONDS,
    serverPids: [one.pid, two.pid],
    processes: RECEIVERS > 250 ? 2 : 1,
    client: CLIENT,
  });
  const same = result.groups['same server']!;
  const cross = result.groups['cross server']!;
  const p99Same = percentile(same.latenciesMs, 99);
  const p99Cross = percentile(cross.latenciesMs, 99);
  console.log(
    table(
      [`receivers (${clientLabel(CLIENT)})`, 'count', 'p50', 'p99', 'warm-up p99', 'lost', 'reconn/caught-up', 'request failures', 'target', 'verdict'],
      [
        ['on server one (senders here)', String(same.receivers), ms(percentile(same.latenciesMs, 50)), ms(p99Same), ms(percentile(same.warmUpLatenciesMs, 99)), lostCell(same), `${same.reconnects}/${same.caughtUp}`, failuresCell(same), 'baseline', ''],
        [
          'on server two (through Redis)',
          String(cross.receivers),
          ms(percentile(cross.latenciesMs, 50)),
          ms(p99Cross),
          ms(percentile(cross.warmUpLatenciesMs, 99)),
          lostCell(cross),
          `${cross.reconnects}/${cross.caughtUp}`,
          failuresCell(cross),
          `p99 ≤ one server's + ${MARGIN_MS} ms, 0 lost`,
          verdict(p99Cross <= p99Same + MARGIN_MS && cross.lost === 0 && same.lost === 0 && result.unacked === 0),
        ],
      ],
    ),
  );
  console.log(
    `${RATE} msg/s for ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up (not timed), ${result.unacked} of ${result.sent} sends unacked · server CPU: one ${pct(result.serverCpu[0]!)}, two ${pct(result.serverCpu[1]!)} · ` +
      `client CPU ${pct(result.clientCpu)}, ${result.receiverUsPerDelivery.toFixed(0)} µs of receiver CPU per message (${clientLabel(result.client)}: ${result.processes} receiver + 1 sender proc) · ${describeLoad()}`,
  );
} finally {
  await two.close();
  await one.close();
}
process.exit(0);
