// In-process timing of rooms:list's parts (issue 8, brief E): the services over a copy of a
// cached scale data set, no socket. Usage:
//   node --import tsx bench/scale/rooms-list-parts.mts <data dir copy> [calls=300] [reads=0]
// `reads` marks that many rooms read through the service first: memory then holds those markers
// (as it does for ten minutes after a user reads), written by the batch once calls yield.
// Migrations run on the data dir: give it a copy (e.g. of $TMPDIR/pchat-bench-cache/scale-*/data).
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { Encoder } from 'socket.io-parser';
import type * as ServicesModule from '../../server/services/index';
import type * as StorageModule from '../../server/storage/sqlite-storage';

// PCHAT_ROOT times another checkout of the server (e.g. the last commit, for a before/after).
const root = process.env.PCHAT_ROOT ?? new URL('../..', import.meta.url).pathname;
const { createServices } = (await import(`${root}/server/services/index.ts`)) as typeof ServicesModule;
const { openSqliteStorage } = (await import(`${root}/server/storage/sqlite-storage.ts`)) as typeof StorageModule;

const [dataDir, callsArg, readsArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: rooms-list-parts.mts <data dir> [calls] [reads]');
const calls = Number(callsArg ?? 300);
const reads = Number(readsArg ?? 0);

const storage = await openSqliteStorage(dataDir);
const services = await createServices(storage, { dataDir, site: 'bench', pool: 'bench', onError: (what, e) => console.error(what, e) });
const record = await storage.users.findByName('scale-0');
if (!record) throw new Error('no user scale-0');
const { passwordHash: _hash, ...user } = record;
const joined = new Set<string>();

const all = await services.rooms.listFor(user, joined);
for (const summary of all.slice(0, reads)) {
  await services.readMarkers.markRead(user, { roomId: summary.id, seq: 1 }, 'bench');
}

let gcMs = 0;
let gcCount = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcCount += 1;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });

const encoder = new Encoder();
const parts: Record<string, number[]> = {};
/** CPU time by part (process-wide, so GC threads count too): steadier than wall time on a busy machine. */
const cpu: Record<string, number> = {};
/** Heap growth by part, for the calls no collection ran in (a collection makes the delta negative). */
const heap: Record<string, number[]> = {};
const time = async <T,>(name: string, run: () => Promise<T> | T): Promise<T> => {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const heapBefore = process.memoryUsage().heapUsed;
  const value = await run();
  const grown = process.memoryUsage().heapUsed - heapBefore;
  const used = process.cpuUsage(cpuBefore);
  if (grown >= 0) (heap[name] ??= []).push(grown / 1024);
  cpu[name] = (cpu[name] ?? 0) + (used.user + used.system) / 1000;
  (parts[name] ??= []).push(performance.now() - started);
  return value;
};

let bytes = 0;
// Warm-up calls (JIT, first reads) are not counted.
const WARMUP = 50;
for (let i = -WARMUP; i < calls; i += 1) {
  if (i === 0) {
    for (const key of Object.keys(parts)) delete parts[key];
    for (const key of Object.keys(cpu)) delete cpu[key];
    for (const key of Object.keys(heap)) delete heap[key];
    gcMs = 0;
    gcCount = 0;
  }
  // A request is a task of its own on the server: timers (the marker batch) run between them.
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const rooms = await time('listFor', () => services.rooms.listFor(user, joined));
  const categories = await time('categoriesFor', () => services.rooms.categoriesFor(user));
  const lastRoomId = await time('lastRoomFor', () => services.lastRooms.lastRoomFor(user));
  await time('markers.annotate', () => services.readMarkers.annotate(user, rooms));
  await time('attention.annotate', () => services.attention.annotate(user, rooms));
  const packet = { type: 3, nsp: '/', id: i, data: [{ ok: true, rooms, categories, lastRoomId }] };
  const encoded = await time('encode', (): unknown[] => encoder.encode(packet) as unknown[]);
  // The server's part of one answer: the services and the encode (not the stringify below).
  const used = process.cpuUsage(cpuBefore);
  cpu['total'] = (cpu['total'] ?? 0) + (used.user + used.system) / 1000;
  (parts['total'] ??= []).push(performance.now() - started);
  // JSON.stringify alone, to tell the encode's walk from the text itself.
  await time('JSON.stringify', () => JSON.stringify(packet.data));
  bytes = String(encoded[0]).length;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const fmt = (n: number) => n.toFixed(2).padStart(7);
console.log(`${root}: calls ${calls}, reads ${reads}, rooms ${all.length}, packet ${bytes} B, load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('part                    mean     p50     p99     max  cpu/call  heap KB/call (p50)');
for (const [name, values] of Object.entries(parts)) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`${name.padEnd(20)}${fmt(mean)} ${fmt(pct(values, 50))} ${fmt(pct(values, 99))} ${fmt(Math.max(...values))} ${fmt((cpu[name] ?? 0) / values.length)} ${heap[name] ? fmt(pct(heap[name], 50)) : '      -'}`);
}
console.log(`gc: ${gcCount} pauses, ${gcMs.toFixed(1)} ms in all`);
await services.close();
await storage.close();
