// Message fan-out at a fixed offered load: L messages per second for D seconds into one room that
// R receivers have joined, spread over enough senders that none exceeds the per-connection rate
// limit (PROTOCOL §9.12 allows 20/s; we send 15/s each). Measures send→delivery latency over
// every delivery and the rate actually achieved. The baseline, measured in the same run on the same machine, is a bare socket.io
// server that acks and broadcasts the same payload with no validation, authorization or storage,
// i.e. the ceiling pchat's own work is paid out of. Each server runs in its own process; the
// clients share this one.
//
//   npx tsx bench/message-fanout.ts [--receivers 200] [--rate 200] [--seconds 10]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { type ServerProcess, startServerProcess } from '../test/support/server-process';

// Bounded in time whatever happens: servers are children of this process and die with it.
const DEADLINE_MS = 180_000;
const servers = new Set<ServerProcess>();
process.on('exit', () => servers.forEach((server) => void server.kill('SIGKILL')));
const track = (server: ServerProcess) => (servers.add(server), server);
setTimeout(() => {
  console.error(`message fan-out: gave up after ${DEADLINE_MS / 1000} s (machine too busy?)`);
  process.exit(1);
}, DEADLINE_MS).unref();

const { values } = parseArgs({
  options: {
    receivers: { type: 'string', default: '200' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
  },
});
const RECEIVERS = Number(values.receivers);
const RATE = Number(values.rate);
const MESSAGES = Math.round(RATE * Number(values.seconds));
const PER_SENDER_RATE = 15;
const SENDERS = Math.ceil(RATE / PER_SENDER_RATE);

interface Result {
  name: string;
  seconds: number;
  latenciesMs: number[];
}

interface Target {
  name: string;
  url: string;
  auth: Record<string, string>;
  sendEvent: string;
  joinEvent: string;
  roomId: string;
  close(): Promise<void>;
}

type AnySocket = Socket;
type AckAnswer = { ok: boolean };

function connect(target: Target): Promise<AnySocket> {
  const socket = io(target.url, { auth: target.auth, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function emitAck(socket: AnySocket, event: string, payload: unknown): Promise<AckAnswer> {
  const answer = (await socket.timeout(10_000).emitWithAck(event, payload)) as AckAnswer;
  if (!answer.ok) throw new Error(`${event} failed: ${JSON.stringify(answer)}`);
  return answer;
}

async function measure(target: Target): Promise<Result> {
  const receivers = await Promise.all(Array.from({ length: RECEIVERS }, () => connect(target)));
  const senders = await Promise.all(Array.from({ length: SENDERS }, () => connect(target)));
  for (const socket of receivers) await emitAck(socket, target.joinEvent, { roomId: target.roomId });

  const sentAt = new Map<string, number>();
  const latenciesMs: number[] = [];
  let deliveries = 0;
  const expected = RECEIVERS * MESSAGES;
  const allDelivered = new Promise<void>((resolve) => {
    for (const socket of receivers) {
      socket.on('message:new', ({ message }: { message: { clientId: string } }) => {
        const started = sentAt.get(message.clientId);
        if (started !== undefined) latenciesMs.push(performance.now() - started);
        deliveries += 1;
        if (deliveries === expected) resolve();
      });
    }
  });

  // Message i leaves at start + i / RATE from sender i mod SENDERS: an even, open-loop load.
  const started = performance.now();
  const sends: Promise<AckAnswer>[] = [];
  for (let i = 0; i < MESSAGES; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const clientId = `bench-${i}`;
    sentAt.set(clientId, performance.now());
    sends.push(emitAck(senders[i % SENDERS]!, target.sendEvent, { roomId: target.roomId, clientId, text: `message ${i} $ACME` }));
  }
  await Promise.all(sends);
  await allDelivered;
  const seconds = (performance.now() - started) / 1000;

  for (const socket of [...receivers, ...senders]) socket.disconnect();
  await target.close();
  return { name: target.name, seconds, latenciesMs };
}

async function bareSocketIo(): Promise<Target> {
  const server = track(await startServerProcess({ script: 'bench/bare-socketio-server.ts' }));
  return {
    name: 'bare socket.io (baseline)',
    url: server.url,
    auth: {},
    joinEvent: 'room:join',
    sendEvent: 'message:send',
    roomId: 'bench',
    close: () => server.kill('SIGTERM').then(() => undefined),
  };
}

async function pchat(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pchat-bench-'));
  const password = 'bench-admin';
  const server = track(await startServerProcess({ args: ['--port', '0', '--data', dataDir], env: { PCHAT_ADMIN_PASSWORD: password } }));
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(new URL(path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const { token } = (await post('/api/session', { user: 'admin', password })) as { token: string };
  const category = await post('/api/admin/categories', { name: 'Bench' }, token);
  const room = await post('/api/rooms', { name: 'Bench room', categoryId: category.id, privacy: 'open' }, token);
  return {
    name: 'pchat (validate, authorize, commit, fan out)',
    url: server.url,
    auth: { token },
    joinEvent: 'room:join',
    sendEvent: 'message:send',
    roomId: String(room.id),
    close: async () => {
      await server.kill('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(result: Result): string {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const perSecond = MESSAGES / result.seconds;
  return [
    result.name.padEnd(46),
    `${perSecond.toFixed(0).padStart(7)} msg/s`,
    `${(perSecond * RECEIVERS).toFixed(0).padStart(9)} deliveries/s`,
    `p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms`,
    `p99 ${percentile(sorted, 99).toFixed(1).padStart(6)} ms`,
  ].join('  ');
}

console.log(`message fan-out: ${RATE} msg/s offered for ${MESSAGES / RATE} s, ${RECEIVERS} receivers, ${SENDERS} senders`);
const baseline = await measure(await bareSocketIo());
const ours = await measure(await pchat());
console.log(report(baseline));
console.log(report(ours));
const p99 = (result: Result) => percentile([...result.latenciesMs].sort((a, b) => a - b), 99);
console.log(`p99 delivery latency: pchat ${p99(ours).toFixed(1)} ms vs baseline ${p99(baseline).toFixed(1)} ms (design goal: < 30 ms at 200 msg/s into 200 members)`);
