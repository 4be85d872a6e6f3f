// Server memory per connected user (issue 8): N idle connections (signed in, connected, rooms:list
// answered), then the same N each with one room open (room:join, as the client keeps one room
// open), against bare socket.io with the same N. And the "heavy room": 30 messages of 8,000
// characters, 200 room:join on one socket at once, RSS before, at its peak, and settled after.
// RSS is VmRSS from /proc/<pid>/status after a settle; each server is started with --expose-gc
// and a preload that runs gc() on SIGUSR2 (support/gc-on-signal.mjs), so readings follow a full GC
// (the table says when that was not possible).
//
//   npx tsx bench/memory-per-connection.ts [--quick] [--store sqlite|postgres] [--connections 2000] [--users N]
import { inBatches, signIn } from './support/admin-api';
import { type BenchServer, startBare, startPchat } from './support/bench-servers';
import { describeLoad, describeRun } from './support/machine';
import { canForceGc, memoryProbeEnv, peakRss, settledRss } from './support/memory-probe';
import { RealClient } from './support/real-client';
import { deadline, numberOption, parseBenchArgs } from './support/run-guard';
import { kb, mb, table, verdict } from './support/stats';

const options = parseBenchArgs({ connections: '', users: '' });
deadline('memory per connection', options.quick ? 300 : 600);
const CONNECTIONS = numberOption(options, 'connections', 2000, 1000);
// Several connections per user spare the scrypt sign-ins; --users N makes them all distinct.
const USERS = Math.min(CONNECTIONS, numberOption(options, 'users', 500, 200));
const ROOMS = 10;
const HEAVY_JOINS = 200;
const IDLE_TARGET_BYTES = 30 * 1024;
// "A join reply can never make the server hold hundreds of MB": peak growth stays under 200 MB.
// Not lower: bare socket.io itself needs about 120 MB to have 200 replies of 240 KB in flight.
const HEAVY_TARGET_BYTES = 200 * 1024 * 1024;

const text = (length: number, seed: number) => {
  const words = `message ${seed} about the quarterly figures, the ticker $ACME and a meeting at noon `;
  return words.repeat(Math.ceil(length / words.length)).slice(0, length).trim();
};

async function signedInClients(server: BenchServer, count: number, users: number): Promise<RealClient[]> {
  const credentials = await server.createUsers('member', users);
  const sessions = await inBatches(credentials, 4, (c) => signIn(server.url, c));
  return Array.from({ length: count }, (_, i) => new RealClient({ url: server.url, session: sessions[i % users]!, focused: false }));
}

/** Posts `count` messages of `length` characters to `roomId`, within the send rate limit's burst. */
async function fill(server: BenchServer, roomId: string, count: number, length: number): Promise<void> {
  const [sender] = await signedInClients(server, 1, 1);
  await sender!.connect();
  for (let i = 0; i < count; i += 1) await sender!.send(roomId, text(length, i), `fill-${roomId}-${i}`);
  sender!.close();
}

interface PerConnection {
  server: string;
  gc: boolean;
  before: number;
  idle: number;
  joined: number;
}

async function perConnection(server: BenchServer): Promise<PerConnection> {
  try {
    console.error(`· ${server.label}: ${CONNECTIONS} connections (${USERS} users), setting up`);
    const rooms = await Promise.all(Array.from({ length: ROOMS }, (_, i) => server.createOpenRoom(`Room ${i}`)));
    for (const roomId of rooms) await fill(server, roomId, 30, 200);
    const clients = await signedInClients(server, CONNECTIONS, USERS);
    const before = await settledRss(server);
    await inBatches(clients, 50, (client) => client.connect());
    const idle = await settledRss(server, 3000);
    console.error(`· ${server.label}: each connection opens one room`);
    await inBatches(clients, 50, (client, i) => client.open(rooms[i % ROOMS]!));
    const joined = await settledRss(server, 3000);
    for (const client of clients) client.close();
    return { server: server.label, gc: canForceGc(server), before, idle, joined };
  } finally {
    await server.close();
  }
}

interface Heavy {
  server: string;
  before: number;
  peak: number;
  after: number;
  replyBytes: number;
}

async function heavyRoom(server: BenchServer): Promise<Heavy> {
  try {
    console.error(`· ${server.label}: heavy room, ${HEAVY_JOINS} joins on one socket`);
    const roomId = await server.createOpenRoom('Heavy');
    await fill(server, roomId, 30, 8000);
    const [client] = await signedInClients(server, 1, 1);
    await client!.connect();
    const before = await settledRss(server);
    const peak = peakRss(server.pid);
    const replies = await Promise.all(Array.from({ length: HEAVY_JOINS }, () => client!.request('room:join', { roomId })));
    const top = peak.stop();
    const after = await settledRss(server, 2000);
    client!.close();
    return { server: server.label, before, peak: top, after, replyBytes: JSON.stringify(replies[0]).length };
  } finally {
    await server.close();
  }
}

console.log(`memory per connection · ${describeRun()} · store ${options.store}${options.quick ? ' · --quick' : ''}`);
const env = memoryProbeEnv();
const bare = await perConnection(await startBare({ env }));
const ours = await perConnection(await startPchat({ store: options.store, env }));
const perConn = (bytes: number, from: number) => kb((bytes - from) / CONNECTIONS);
// What pchat adds to what socket.io itself costs per connection (RSS includes the allocator's
// and V8's own slack, so even the bare server shows a few tens of KB).
const overBare = (m: PerConnection, key: 'idle' | 'joined') => (m === ours ? `${kb((m[key] - m.before - (bare[key] - bare.before)) / CONNECTIONS)} over bare` : '');
console.log(
  table(
    ['server', 'RSS before', `${CONNECTIONS} idle`, 'per idle conn', '', 'each with a room open', 'per joined conn', '', 'GC forced', 'target', 'verdict'],
    [bare, ours].map((m) => [
      m.server,
      mb(m.before),
      mb(m.idle),
      perConn(m.idle, m.before),
      overBare(m, 'idle'),
      mb(m.joined),
      perConn(m.joined, m.before),
      overBare(m, 'joined'),
      m.gc ? 'yes' : 'no (settled RSS)',
      m === ours ? `≤ ${kb(IDLE_TARGET_BYTES)} per idle conn` : 'baseline',
      m === ours ? verdict((m.idle - m.before) / CONNECTIONS <= IDLE_TARGET_BYTES) : '',
    ]),
  ),
);
const heavyBare = await heavyRoom(await startBare({ env }));
const heavyOurs = await heavyRoom(await startPchat({ store: options.store, env }));
console.log('');
console.log(
  table(
    ['heavy room: 30 × 8,000 chars', 'join reply', 'RSS before', `peak during ${HEAVY_JOINS} joins`, 'settled after', 'target', 'verdict'],
    [heavyBare, heavyOurs].map((h) => [
      h.server,
      kb(h.replyBytes),
      mb(h.before),
      `${mb(h.peak)} (+${mb(h.peak - h.before)})`,
      `${mb(h.after)} (+${mb(h.after - h.before)})`,
      h === heavyOurs ? `peak growth ≤ ${mb(HEAVY_TARGET_BYTES)}` : 'baseline',
      h === heavyOurs ? verdict(h.peak - h.before <= HEAVY_TARGET_BYTES) : '',
    ]),
  ),
);
console.log(`${CONNECTIONS} connections were ${USERS} users; one room open per connection, ${ROOMS} rooms of 30 messages · ${describeLoad()}`);
process.exit(0);
