// Server memory per connected user (issue 8): N idle connections (signed in, connected, rooms:list
// answered), then the same N each with one room open (room:join, as the client keeps one room
// open), against bare socket.io with the same N. And the "heavy room": 30 messages of 8,000
// characters, 200 room:join on one socket at once, RSS before, at its peak, and settled after.
// RSS is VmRSS from /proc/<pid>/status after a settle; each server is started with --expose-gc
// and a preload that runs gc() on SIGUSR2 (support/gc-on-signal.mjs), so readings follow a full GC
// (the table says when that was not possible); the preload also reports the V8 heap in use.
//
// Per connection means at the margin: the server first holds N warm-up connections, then the
// measured N join them. The first connections of a fresh process also pay for V8's young
// generation growing to its full size (about 30 MB, once, whatever the number of connections
// after) and for code compiled on first use; that "cold" figure is printed too, but it says how
// fast connections arrived, not what one costs to hold.
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

interface Reading {
  rss: number;
  /** V8 heap in use after the forced GCs (NaN without the preload). */
  heap: number;
}

/** Settled RSS and, when the preload reports it, the V8 heap in use after the same GCs. */
async function reading(server: BenchServer, settleMs?: number): Promise<Reading> {
  const rss = await settledRss(server, settleMs);
  const reports = [...server.output().matchAll(/gc-on-signal: heap \d+ (\d+) \d+/g)];
  const last = reports.at(-1)?.[1];
  return { rss, heap: last === undefined ? Number.NaN : Number(last) };
}

interface PerConnection {
  server: string;
  gc: boolean;
  empty: Reading;
  before: Reading;
  idle: Reading;
  joined: Reading;
}

async function perConnection(server: BenchServer): Promise<PerConnection> {
  try {
    console.error(`· ${server.label}: ${CONNECTIONS} + ${CONNECTIONS} connections (${USERS} users), setting up`);
    const rooms = await Promise.all(Array.from({ length: ROOMS }, (_, i) => server.createOpenRoom(`Room ${i}`)));
    for (const roomId of rooms) await fill(server, roomId, 30, 200);
    const clients = await signedInClients(server, 2 * CONNECTIONS, USERS);
    const warm = clients.slice(0, CONNECTIONS);
    const measured = clients.slice(CONNECTIONS);
    const empty = await reading(server);
    await inBatches(warm, 50, (client) => client.connect());
    const before = await reading(server, 3000);
    console.error(`· ${server.label}: ${CONNECTIONS} more, idle`);
    await inBatches(measured, 50, (client) => client.connect());
    const idle = await reading(server, 3000);
    console.error(`· ${server.label}: each of them opens one room`);
    await inBatches(measured, 50, (client, i) => client.open(rooms[i % ROOMS]!));
    const joined = await reading(server, 3000);
    for (const client of clients) client.close();
    return { server: server.label, gc: canForceGc(server), empty, before, idle, joined };
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
const per = (from: Reading, to: Reading, key: keyof Reading) => (to[key] - from[key]) / CONNECTIONS;
const perKb = (from: Reading, to: Reading, key: keyof Reading) => {
  const bytes = per(from, to, key);
  return Number.isNaN(bytes) ? '—' : kb(bytes);
};
// What pchat adds to what socket.io itself costs per connection (RSS includes the allocator's
// and V8's own slack, so even the bare server shows some KB beyond its heap).
const overBare = (m: PerConnection, to: 'idle' | 'joined', key: keyof Reading) =>
  m === ours ? `${kb(per(m.before, m[to], key) - per(bare.before, bare[to], key))} over bare` : '';
console.log(
  table(
    [
      'server',
      'RSS, none',
      `${CONNECTIONS} held`,
      'cold: first conns',
      `+ ${CONNECTIONS} idle`,
      'per idle conn',
      '',
      'V8 heap per idle conn',
      '',
      'each with a room open',
      'per joined conn',
      'heap per joined conn',
      'GC forced',
      'target',
      'verdict',
    ],
    [bare, ours].map((m) => [
      m.server,
      mb(m.empty.rss),
      mb(m.before.rss),
      perKb(m.empty, m.before, 'rss'),
      mb(m.idle.rss),
      perKb(m.before, m.idle, 'rss'),
      overBare(m, 'idle', 'rss'),
      perKb(m.before, m.idle, 'heap'),
      overBare(m, 'idle', 'heap'),
      mb(m.joined.rss),
      perKb(m.before, m.joined, 'rss'),
      perKb(m.before, m.joined, 'heap'),
      m.gc ? 'yes' : 'no (settled RSS)',
      m === ours ? `≤ ${kb(IDLE_TARGET_BYTES)} per idle conn` : 'baseline',
      m === ours ? verdict(per(m.before, m.idle, 'rss') <= IDLE_TARGET_BYTES) : '',
    ]),
  ),
);
console.log(
  `per conn: RSS growth from ${CONNECTIONS} held to ${2 * CONNECTIONS} held, over ${CONNECTIONS}; cold: from none to ${CONNECTIONS} held ` +
    "(includes the young generation's one-off growth)",
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
