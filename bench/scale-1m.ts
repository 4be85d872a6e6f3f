// Scale: 1,000 rooms × 1,000,000 stored messages (quick: 100 × 100,000). Measures, one request at
// a time, p50/p99 of room:join, room:history, rooms:list (every room visible), room:read,
// message:send and a search for a common word across rooms; then the longest any other request
// (/healthz over HTTP, room:join or rooms:list over the socket) waits while 20 common-word
// searches run at once. Baseline in the same run: the bare SQL for the same read or write on the
// same database (bench/scale/sql-baseline.ts), and the same probes with no searches running.
// The data set is seeded once (bench/scale/seed-scale.ts) and cached by size and schema.
//
//   npx tsx bench/scale-1m.ts [--quick] [--store sqlite|postgres] [--rooms N] [--messages N] [--fresh]
import { randomUUID } from 'node:crypto';
import { startServerProcess } from '../test/support/server-process';
import { sleep } from './support/clock';
import { inBatches, signIn } from './support/admin-api';
import { describeLoad, describeRun } from './support/machine';
import { childPid, rssBytes } from './support/proc-stats';
import { RealClient } from './support/real-client';
import { deadline, numberOption, onExit, parseBenchArgs } from './support/run-guard';
import { mb, ms, percentile, table, verdict } from './support/stats';
import { bareRoomsList } from './scale/bare-rooms-list';
import { type StallRound, stallRound, type Timed, timeEach } from './scale/latency-probes';
import { COMMON_WORD, messageText, prng } from './scale/message-text';
import { preparedStore } from './scale/seed-cache';
import { ADMIN_PASSWORD, type ScaleMeta, seedScale } from './scale/seed-scale';
import { openSqlBaseline } from './scale/sql-baseline';

const options = parseBenchArgs({ rooms: '', messages: '', samples: '' });
const { quick, store } = options;
deadline('scale-1m', quick ? 420 : 2400);
const sizes = { rooms: numberOption(options, 'rooms', 1000, 100), messages: numberOption(options, 'messages', 1_000_000, 100_000), users: 24 };
const SAMPLES = numberOption(options, 'samples', 400, 150);
const SEARCHES = 20;
const STALL_ROUNDS = quick ? 2 : 3;
const TARGET = { join: 5, list: 10, search: 50, stall: 50 };
const random = prng(42);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const log = (text: string) => process.stderr.write(`scale-1m: ${text}\n`);
const runAtStart = describeRun();

const prepared = await preparedStore<ScaleMeta>({
  store,
  name: `scale-${sizes.rooms}x${sizes.messages}`,
  fresh: options.values.fresh === true,
  seed: (target) => seedScale(target, sizes),
});
const { meta } = prepared;
const rooms = meta.rooms.map((room) => ({ ...room }));
const roomIds = rooms.map((room) => room.id);
log(prepared.seeded === 'cache' ? 'data set from the cache' : `seeded in ${prepared.seeded.toFixed(0)} s`);

// ---- pchat ----------------------------------------------------------------------------------
const server = await startServerProcess({ args: ['--port', '0', ...prepared.run.serverArgs()], env: { PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD } });
const forgetServer = onExit(() => void server.kill('SIGKILL'));
const pid = childPid(prepared.run.dataDir);
// Measured as a running server: its start-up read of every room's newest page (recent-messages.ts)
// is finished first. How long that took is printed with the results.
const warmedLine = await waitForLine(server, /recent messages in memory: (.*)/, 120_000);
log(`server: ${warmedLine}`);
const sessions = await inBatches(meta.users, 4, (user) => signIn(server.url, user));
const clients = sessions.map((session) => new RealClient({ url: server.url, session, focused: false }));
await Promise.all(clients.map((client) => client.connect()));
let turn = 0;
const next = () => clients[turn++ % clients.length]!;
const markers = new Map<string, number>();

const pchatOps: Record<string, () => Promise<unknown>> = {
  'room:join': async () => {
    const client = next();
    const roomId = pick(roomIds);
    const started = performance.now();
    await client.request('room:join', { roomId });
    const took = performance.now() - started;
    await client.request('room:leave', { roomId });
    return took;
  },
  'room:history': () => {
    const room = pick(rooms.filter((r) => r.lastSeq > 60));
    return next().request('room:history', { roomId: room.id, beforeSeq: 31 + Math.floor(random() * (room.lastSeq - 30)), limit: 30 });
  },
  'rooms:list': () => next().request('rooms:list', {}),
  'room:read': () => {
    const client = next();
    const room = pick(rooms);
    const key = `${client.user.id} ${room.id}`;
    const seq = Math.min(room.lastSeq, (markers.get(key) ?? Math.max(0, room.lastSeq - 200)) + 1 + Math.floor(random() * 5));
    markers.set(key, seq);
    return client.request('room:read', { roomId: room.id, seq });
  },
  'message:send': async () => {
    const room = pick(rooms);
    await next().request('message:send', { roomId: room.id, clientId: randomUUID(), text: messageText(random, ['Scale 1']) });
    room.lastSeq += 1;
  },
  search: () => next().request('search', { query: COMMON_WORD }),
};

async function waitForLine(child: { output: () => string }, pattern: RegExp, timeoutMs: number): Promise<string> {
  const started = performance.now();
  for (;;) {
    const match = pattern.exec(child.output());
    if (match?.[1] !== undefined) return match[1];
    if (performance.now() - started > timeoutMs) return `no "${pattern.source}" within ${timeoutMs} ms`;
    await sleep(50);
  }
}

/** Times `op`; room:join times only the join (its leave is not part of the figure). */
async function measure(op: () => Promise<unknown>, count: number): Promise<Timed> {
  const joinTimes: number[] = [];
  const timed = await timeEach(count, async () => {
    const result = await op();
    if (typeof result === 'number') joinTimes.push(result);
  });
  return joinTimes.length > 0 ? { ...timed, samples: joinTimes } : timed;
}

log('warming up');
for (const op of Object.values(pchatOps)) await timeEach(5, op);
const pchat: Record<string, Timed> = {};
for (const [name, op] of Object.entries(pchatOps)) {
  log(`measuring ${name}`);
  pchat[name] = await measure(op, name === 'search' ? Math.ceil(SAMPLES / 5) : SAMPLES);
}
log('probing while 20 searches run at once');
const prober = clients[SEARCHES % clients.length]!;
const idle = await stallRound(server.url, prober, roomIds, () => Promise.resolve(), 2000);
const rounds: StallRound[] = [];
for (let round = 0; round < STALL_ROUNDS; round += 1) {
  const searchers = clients.slice(0, SEARCHES);
  rounds.push(await stallRound(server.url, prober, roomIds, () => Promise.all(searchers.map((c) => c.request('search', { query: COMMON_WORD }).catch(() => undefined)))));
}
const rss = rssBytes(pid);
// What one of these users is answered, kept for the bare socket.io baseline of rooms:list below.
const recordedList = await clients[0]!.request('rooms:list', {});
const listBytes = JSON.stringify(recordedList).length;
for (const client of clients) client.close();
await server.kill('SIGTERM');
forgetServer();

// ---- bare SQL on the same database, server stopped --------------------------------------------
log('bare SQL baseline');
const sql = await openSqlBaseline(prepared.run);
const userId = sessions[0]!.user.id;
const sqlOps: Record<string, () => Promise<unknown>> = {
  'room:join': () => sql.latest(pick(roomIds), 31),
  'room:history': () => {
    const room = pick(rooms.filter((r) => r.lastSeq > 60));
    return sql.before(room.id, 31 + Math.floor(random() * (room.lastSeq - 30)), 31);
  },
  'rooms:list': () => sql.roomsAndMembers(userId),
  'room:read': () => {
    const room = pick(rooms);
    return sql.markRead(userId, room.id, room.lastSeq);
  },
  'message:send': () => sql.insert(pick(roomIds), userId, messageText(random, ['Scale 1'])),
  search: () => sql.search(COMMON_WORD, roomIds),
};
for (const op of Object.values(sqlOps)) await timeEach(5, op);
const bare: Record<string, Timed> = {};
for (const [name, op] of Object.entries(sqlOps)) bare[name] = await timeEach(name === 'search' ? Math.ceil(SAMPLES / 5) : SAMPLES, op);
await sql.close();
await prepared.drop();
log('bare socket.io answering the same rooms:list from memory');
const bareList = await bareRoomsList(recordedList, clients.length, SAMPLES);

// ---- report -------------------------------------------------------------------------------
const p = (timed: Timed | undefined, q: number) => ms(percentile(timed?.samples ?? [], q));
const BASELINE_IS: Record<string, string> = {
  'room:join': 'last 31 of the room',
  'room:history': '31 before a seq',
  'rooms:list': 'all rooms + members + markers',
  'room:read': 'marker upsert (durable)',
  'message:send': 'seq bump + insert (durable)',
  search: `${store === 'sqlite' ? 'FTS5' : 'tsvector'} newest 50 "${COMMON_WORD}"`,
};
const listNote = sizes.rooms === 1000 ? '' : ` (target is at 1,000 rooms; ${sizes.rooms} here)`;
const targetOf: Record<string, [number, string] | undefined> = {
  'room:join': [TARGET.join, `p99 ≤ ${TARGET.join} ms`],
  'rooms:list': [TARGET.list, `p99 ≤ ${TARGET.list} ms${listNote}`],
  search: [TARGET.search, `p99 ≤ ${TARGET.search} ms`],
};
const rows = Object.keys(pchatOps).map((name) => {
  const ours = pchat[name];
  const target = targetOf[name];
  const failed = (timed: Timed | undefined) => (timed && timed.failures > 0 ? ` (${timed.failures} failed: ${timed.firstError})` : '');
  return [
    name,
    p(ours, 50),
    p(ours, 99) + failed(ours),
    p(bare[name], 50),
    p(bare[name], 99) + failed(bare[name]),
    BASELINE_IS[name] ?? '',
    target?.[1] ?? '',
    target ? verdict(percentile(ours?.samples ?? [], 99) <= target[0] && (ours?.failures ?? 1) === 0) : '',
  ];
});
const worst = (key: 'healthzMs' | 'socketMs' | 'burstMs') => Math.max(...rounds.map((round) => round[key]));
const stallRows = [
  ['/healthz (HTTP)', ms(idle.healthzMs), ms(worst('healthzMs')), `≤ ${TARGET.stall} ms`, verdict(worst('healthzMs') <= TARGET.stall)],
  ['room:join / rooms:list (socket)', ms(idle.socketMs), ms(worst('socketMs')), `≤ ${TARGET.stall} ms`, verdict(worst('socketMs') <= TARGET.stall)],
];

console.log(`\nscale-1m · ${runAtStart} at the start, ${describeLoad()} at the end`);
console.log(
  `store ${store}: ${sizes.rooms} rooms × ${sizes.messages.toLocaleString('en')} messages, ${sizes.users} users ` +
    `(${prepared.seeded === 'cache' ? 'seed from cache' : `seeded in ${prepared.seeded.toFixed(0)} s`}); ` +
    `${SAMPLES} requests per operation one at a time (search: ${Math.ceil(SAMPLES / 5)}), round-robin over ${clients.length} connections; server RSS at the end ${mb(rss)}; ` +
    `measured once the server had read the rooms' newest pages at start (recent messages in memory: ${warmedLine})\n`,
);
console.log(table(['operation', 'pchat p50', 'pchat p99', 'bare SQL p50', 'bare SQL p99', 'bare SQL is', 'target', 'verdict'], rows));
console.log(
  `\nrooms:list against bare socket.io answering pchat's own answer (${(listBytes / 1024).toFixed(0)} KB, recorded above) from memory, same clients, same round-robin: ` +
    `p50 ${p(bareList, 50)}, p99 ${p(bareList, 99)}${bareList.failures > 0 ? ` (${bareList.failures} failed: ${bareList.firstError})` : ''} ` +
    `— pchat ${p(pchat['rooms:list'], 50)} / ${p(pchat['rooms:list'], 99)}. Both include the client's decode of the answer (socket.io-client).`,
);
console.log(`\nlongest wait of any other request while ${SEARCHES} "${COMMON_WORD}" searches run at once (worst of ${STALL_ROUNDS} rounds; baseline: same probes, no searches):`);
console.log(table(['probe', 'idle (baseline)', `during ${SEARCHES} searches`, 'target', 'verdict'], stallRows));
console.log(`${SEARCHES} concurrent searches took ${ms(worst('burstMs'))} from first request to last answer (worst round)`);
process.exit(0);
