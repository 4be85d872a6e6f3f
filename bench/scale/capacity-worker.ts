// A client process of bench/capacity.ts: runs its share of the simulated users (sim-user.ts) and
// answers the coordinator's requests (capacity-messages.ts) over the IPC channel. Several of
// these run at once, because one Node process cannot drive thousands of socket.io clients and
// still time their messages honestly. Started by the coordinator with `node --import tsx`.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Message } from '../../common/protocol';
import { nowMs, sleep, stampOf } from '../support/clock';
import { inBatches } from '../support/admin-api';
import type { Envelope, SentMessage, WindowStats, WorkerReply, WorkerRequest } from './capacity-messages';
import { prng } from './message-text';
import { SimUser } from './sim-user';

const users: SimUser[] = [];
const random = prng(process.pid);
let active = true;
let windowStart = Infinity;
let windowEnd = Infinity;
let inFlight = 0;
let cpuAtStart = process.cpuUsage();
let wallAtStart = nowMs();
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const blank = (): Omit<WindowStats, 'clients' | 'loopDelayP99Ms' | 'loopDelayMaxMs' | 'cpuPct'> => ({
  latencies: [],
  sendAckMs: [],
  sendFailures: {},
  joinMs: [],
  joinFailures: 0,
  reconnects: 0,
  reconnectFailures: 0,
  requestFailures: {},
  duplicates: 0,
  expected: 0,
  lost: 0,
});
let stats = blank();
let sent: SentMessage[] = [];
let measured = { cpuPct: 0, loopDelayP99Ms: 0, loopDelayMaxMs: 0 };
let failuresAtStart: Record<string, number> = {};
let duplicatesAtStart = 0;

const inWindow = (at: number) => at >= windowStart && at <= windowEnd;
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

const hooks = {
  active: () => active,
  random,
  live(message: Message, own: boolean) {
    const stamp = stampOf(message.text);
    if (!own && stamp !== undefined && inWindow(stamp)) stats.latencies.push(nowMs() - stamp);
  },
  sent(message: SentMessage, ackMs: number) {
    if (!inWindow(message.sentAt)) return;
    sent.push(message);
    stats.sendAckMs.push(ackMs);
  },
  sendFailed: (reason: string) => void bump(stats.sendFailures, reason),
  joined: (ms: number | 'failed') => (ms === 'failed' ? (stats.joinFailures += 1) : stats.joinMs.push(ms)),
  reconnected: (ok: boolean) => (ok ? (stats.reconnects += 1) : (stats.reconnectFailures += 1)),
  sending: (delta: 1 | -1) => (inFlight += delta),
};

function requestFailures(): Record<string, number> {
  const total: Record<string, number> = {};
  for (const user of users) for (const [event, n] of Object.entries(user.client.counters.failures)) total[event] = (total[event] ?? 0) + n;
  return total;
}
const duplicates = () => users.reduce((sum, user) => sum + user.client.counters.duplicates, 0);

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.type) {
    case 'connect': {
      let failed = 0;
      let firstError: string | undefined;
      await inBatches(request.users, 8, async (spec) => {
        const user = new SimUser(spec, request.url, request.model, hooks);
        try {
          await user.start();
          users.push(user);
        } catch (error) {
          failed += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
          user.close();
        }
      });
      return { type: 'connected', ok: request.users.length - failed, failed, firstError };
    }
    case 'window':
      stats = blank();
      sent = [];
      windowStart = nowMs();
      windowEnd = Infinity;
      for (const user of users) user.prune(windowStart);
      failuresAtStart = requestFailures();
      duplicatesAtStart = duplicates();
      cpuAtStart = process.cpuUsage();
      wallAtStart = nowMs();
      loop.reset();
      return { type: 'done' };
    case 'pause': {
      active = false;
      windowEnd = nowMs();
      const cpu = process.cpuUsage(cpuAtStart);
      measured = {
        cpuPct: ((cpu.user + cpu.system) / 1000 / (windowEnd - wallAtStart)) * 100,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
      };
      // Sends already on their way get their ack (or their 10 s timeout) before we answer.
      for (let waited = 0; inFlight > 0 && waited < 12_000; waited += 50) await sleep(50);
      return { type: 'paused', sent };
    }
    case 'loss': {
      const byRoom = new Map<string, SentMessage[]>();
      for (const message of request.sent) {
        const list = byRoom.get(message.roomId);
        if (list) list.push(message);
        else byRoom.set(message.roomId, [message]);
      }
      for (const user of users) {
        const result = user.losses(byRoom);
        if (!result) continue;
        stats.expected += result.expected;
        stats.lost += result.lost;
      }
      const now = requestFailures();
      for (const [event, n] of Object.entries(now)) if (n > (failuresAtStart[event] ?? 0)) stats.requestFailures[event] = n - (failuresAtStart[event] ?? 0);
      stats.duplicates = duplicates() - duplicatesAtStart;
      return { type: 'stats', stats: { ...stats, ...measured, clients: users.length } };
    }
    case 'resume':
      active = true;
      return { type: 'done' };
    case 'reset':
      for (const user of users.splice(0)) user.close();
      active = true;
      return { type: 'done' };
  }
}

process.on('message', (message: Envelope<WorkerRequest>) => {
  void handle(message).then(
    (reply) => process.send?.({ ...reply, id: message.id }),
    (error: unknown) => process.send?.({ type: 'done', id: message.id, error: String(error) }),
  );
});
// The coordinator gone means the run is over, however it ended.
process.on('disconnect', () => process.exit(0));
