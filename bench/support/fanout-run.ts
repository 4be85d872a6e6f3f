// One fan-out measurement, shared by realistic-fanout.ts and cluster-redis.ts: receivers that
// behave like the real client (receiver-pool.ts) in one room, senders posting an even, open-loop
// load that stays under the per-connection rate limit, all of one client build (client-kind.ts), server CPU read from /proc over the send
// phase, and every acked message checked off against every receiver once deliveries settle (from
// 2 s after the run: catch-ups still in flight are waited for, at most SETTLE_WITHIN_MS).
import type { Credentials } from './admin-api';
import { signIn } from './admin-api';
import { nowMs, sleep, stampedText, warmUpLabel } from './clock';
import { cpuMeter } from './proc-stats';
import { type ClientKind, createClient } from './client-kind';
import { type GroupResult, ReceiverPool, type ReceiverSpec } from './receiver-pool';

/** PROTOCOL §9.12 allows 20 sends/s per connection; stay clear of it. */
export const PER_SENDER_RATE = 15;
const GRACE_MS = 2000;
/**
 * After the grace period, how long the count may wait for deliveries still on their way. On an
 * overloaded run (1,000 receivers on 2 cores, deliveries seconds late) a receiver that came back
 * late in the run has its rejoin and messages:since still unanswered 2 s after the last send:
 * counting then calls "late" lost. The count at the grace period is kept beside the final one.
 */
const SETTLE_WITHIN_MS = 30_000;
/**
 * Before it measures, a run sends at the same rate for this long. The first second of traffic
 * meets every process (server, receivers, senders) running code V8 has not compiled yet: at 200
 * focused readers that alone put hundreds of deliveries past 100 ms for bare socket.io as for
 * pchat, and decided the p99 of a run, while a server that has been up for a minute never pays it
 * again. The warm-up's deliveries are checked for loss like the rest, and their latency is
 * reported beside the measured one (`warmUpLatenciesMs`), never judged.
 */
export const WARM_UP_SECONDS = 2;

export interface Behaviour {
  /** Share of receivers that follow the room (room:follow → room:activity per message). */
  followShare: number;
  /** Share of receivers that drop and come back once during the run, catching up. */
  reconnectShare: number;
  /** How long a reconnecting receiver stays away. */
  offlineMs: number;
}

export const REAL_BEHAVIOUR: Behaviour = { followShare: 0.2, reconnectShare: 0.05, offlineMs: 1000 };

/** Whether receiver `i` is one of an evenly spread `share` (offset so shares overlap little). */
const picked = (i: number, share: number, offset: number) => share > 0 && Math.floor((i + offset) * share) !== Math.floor((i + offset - 1) * share);

/**
 * Specs for `count` focused receivers of `roomId`; receiver i is user `users[i % users.length]`
 * on server `urlOf(i)`, reported in group `groupOf(i)`. Reconnects are spread over 20–60 % of the
 * run so every one is back well before the end.
 */
export function receiverSpecs(options: {
  count: number;
  users: readonly Credentials[];
  roomId: string;
  seconds: number;
  behaviour?: Behaviour;
  urlOf: (i: number) => string;
  groupOf?: (i: number) => string;
}): ReceiverSpec[] {
  const { count, users, roomId, seconds, behaviour = REAL_BEHAVIOUR, urlOf, groupOf = () => 'all' } = options;
  const reconnecting = Math.round(count * behaviour.reconnectShare);
  let nth = 0;
  return Array.from({ length: count }, (_, i) => {
    const reconnects = picked(i, behaviour.reconnectShare, 7);
    const at = reconnects ? (0.2 + (0.4 * nth++) / Math.max(1, reconnecting)) * seconds * 1000 : 0;
    return {
      url: urlOf(i),
      credentials: users[i % users.length]!,
      roomId,
      group: groupOf(i),
      follow: picked(i, behaviour.followShare, 0),
      focused: true,
      ...(reconnects ? { reconnect: { atMs: Math.round(at), offlineMs: behaviour.offlineMs } } : {}),
    };
  });
}

export interface FanoutPlan {
  specs: ReceiverSpec[];
  /** Each sender signs in and connects to its server; it does not join (§9.4: posting needs no join). */
  senders: { url: string; credentials: Credentials }[];
  roomId: string;
  rate: number;
  seconds: number;
  /** Servers whose CPU is measured, in the order the result lists them. */
  serverPids: number[];
  processes: number;
  /** Which client build every receiver and sender is (client-kind.ts). */
  client: ClientKind;
  /** Seconds of the same load sent first and not timed (default WARM_UP_SECONDS). */
  warmUpSeconds?: number;
}

export interface FanoutResult {
  groups: Record<string, GroupResult>;
  /** Messages sent, the warm-up's included. */
  sent: number;
  unacked: number;
  /** Offered load actually achieved by the senders, msg/s. */
  achievedRate: number;
  /** % of one core per server over the send phase (first send to last ack). */
  serverCpu: number[];
  /** % of one core used by the receiver processes and this (sending) process together. */
  clientCpu: number;
  /** Receiver CPU per message handled, µs, from the start of the sends to the final count: the
   * clients' own cost, which (unlike clientCpu) does not shrink when a server falls behind. */
  receiverUsPerDelivery: number;
  processes: number;
  client: ClientKind;
}

export async function runFanout(plan: FanoutPlan): Promise<FanoutResult> {
  const pool = await ReceiverPool.start(plan.specs, { processes: plan.processes, client: plan.client });
  const senders = await Promise.all(
    plan.senders.map(async ({ url, credentials }) => {
      const client = createClient(plan.client, { url, session: await signIn(url, credentials), focused: false });
      await client.connect();
      return client;
    }),
  );
  try {
    await sleep(1000); // let joins, follows and roster traffic settle before measuring
    const acked: number[] = [];
    let unacked = 0;
    const sends: Promise<void>[] = [];
    // Message i of a phase leaves at its start + i / rate from sender i mod senders: an even, open-loop load.
    const sendPhase = async (count: number, label: (i: number) => string, clientIdPrefix: string) => {
      const started = nowMs();
      for (let i = 0; i < count; i += 1) {
        const wait = started + (i * 1000) / plan.rate - nowMs();
        if (wait > 1) await sleep(wait);
        const sender = senders[i % senders.length]!;
        sends.push(
          sender.send(plan.roomId, stampedText(label(i)), `${clientIdPrefix}-${i}`).then(
            ({ message }) => void acked.push(message.seq),
            () => void (unacked += 1),
          ),
        );
      }
      return started;
    };
    const warmUp = Math.round(plan.rate * (plan.warmUpSeconds ?? WARM_UP_SECONDS));
    await sendPhase(warmUp, warmUpLabel, 'warmup');
    const server = plan.serverPids.map((pid) => cpuMeter([pid]));
    const clients = cpuMeter([...pool.pids, process.pid]);
    const total = Math.round(plan.rate * plan.seconds);
    // The receivers' reconnects are timed from here, so they fall in the measured phase.
    pool.start();
    const started = await sendPhase(total, (i) => `fan-out ${i}`, 'fanout');
    const lastSendAt = nowMs();
    await Promise.all(sends);
    const serverCpu = server.map((meter) => meter.stop());
    const clientCpu = clients.stop();
    await sleep(GRACE_MS);
    const { groups, cost } = await pool.finish({ [plan.roomId]: acked }, SETTLE_WITHIN_MS);
    return { groups, sent: warmUp + total, unacked, achievedRate: total / ((lastSendAt - started) / 1000 + 1 / plan.rate), serverCpu,
      clientCpu,
      receiverUsPerDelivery: cost.deliveries === 0 ? 0 : (cost.cpuMs * 1000) / cost.deliveries,
      processes: pool.processes,
      client: plan.client,
    };
  } finally {
    for (const sender of senders) sender.close();
    await pool.close();
  }
}

/** "lost of expected", how much of it fell on receivers that reconnected, and what was still on
 * its way at the grace period (and how long it took to arrive). */
export function lostCell(group: GroupResult): string {
  const lost = `${group.lost} of ${group.expected}${group.lost > 0 ? ` (${group.lostReconnecting} on reconnecting)` : ''}`;
  if (group.missingAtGrace === 0) return lost;
  return `${lost}; ${group.missingAtGrace} still on the way 2 s after the run, settled ${(group.settledAfterMs / 1000).toFixed(1)} s later`;
}

/** Failed requests by event, "0" when none. */
export const failuresCell = (group: GroupResult) =>
  Object.entries(group.failures)
    .map(([event, count]) => `${event} ${count}`)
    .join(', ') || '0';

export const senderCount = (rate: number) => Math.ceil(rate / PER_SENDER_RATE);
