// Turns the client processes' window statistics into one row per step, decides whether the step
// held (p99 ≤ 100 ms, nothing lost, no send refused) and, when not, says why as far as the
// measurements can tell.
import { mb, ms, pct, percentile, table, verdict } from '../support/stats';
import type { WindowStats } from './capacity-messages';

export const P99_TARGET_MS = 100;
export const USERS_TARGET = 5000;

export interface ServerReadings {
  label: string;
  users: number;
  connectFailed: number;
  connectError?: string;
  connectS: number;
  windowS: number;
  serverCpuPct: number;
  /** PostgreSQL backends serving the server's pool; undefined on SQLite (in the server's process). */
  databaseCpuPct?: number;
  rssBytes: number;
  machinePct: number;
  healthzMaxMs: number;
}

export interface StepResult extends ServerReadings {
  deliveries: number;
  p50: number;
  p99: number;
  expected: number;
  lost: number;
  sends: number;
  sendFailures: Record<string, number>;
  joinP99: number;
  joinFailures: number;
  reconnects: number;
  reconnectFailures: number;
  requestFailures: Record<string, number>;
  duplicates: number;
  clientsCpuPct: number;
  clientsLoopP99Ms: number;
  pass: boolean;
  reasons: string[];
}

const add = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
  return into;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const describe = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([key, n]) => `${n}× ${key}`)
    .join(', ');

export function stepResult(readings: ServerReadings, windows: WindowStats[]): StepResult {
  const latencies = windows.flatMap((w) => w.latencies);
  const sendFailures = windows.reduce((all, w) => add(all, w.sendFailures), {});
  const result: StepResult = {
    ...readings,
    deliveries: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    expected: sum(windows.map((w) => w.expected)),
    lost: sum(windows.map((w) => w.lost)),
    sends: sum(windows.map((w) => w.sendAckMs.length)),
    sendFailures,
    joinP99: percentile(windows.flatMap((w) => w.joinMs), 99),
    joinFailures: sum(windows.map((w) => w.joinFailures)),
    reconnects: sum(windows.map((w) => w.reconnects)),
    reconnectFailures: sum(windows.map((w) => w.reconnectFailures)),
    requestFailures: windows.reduce((all, w) => add(all, w.requestFailures), {}),
    duplicates: sum(windows.map((w) => w.duplicates)),
    clientsCpuPct: sum(windows.map((w) => w.cpuPct)),
    clientsLoopP99Ms: Math.max(...windows.map((w) => w.loopDelayP99Ms)),
    pass: false,
    reasons: [],
  };
  const failedSends = sum(Object.values(sendFailures));
  result.pass = result.p99 <= P99_TARGET_MS && result.lost === 0 && failedSends === 0 && result.connectFailed === 0 && result.deliveries > 0;
  const reasons = result.reasons;
  if (result.deliveries === 0) reasons.push('no deliveries measured');
  if (result.p99 > P99_TARGET_MS) reasons.push(`p99 ${ms(result.p99)} > ${P99_TARGET_MS} ms`);
  if (result.lost > 0) reasons.push(`${result.lost} of ${result.expected} deliveries lost`);
  if (failedSends > 0) reasons.push(`sends failed: ${describe(sendFailures)}`);
  if (result.connectFailed > 0) reasons.push(`${result.connectFailed} users could not connect (${result.connectError ?? '?'})`);
  if (Object.keys(result.requestFailures).length > 0) reasons.push(`requests refused or timed out: ${describe(result.requestFailures)}`);
  if (result.serverCpuPct >= 85) reasons.push(`server CPU-bound (${pct(result.serverCpuPct)} of one core)`);
  if ((result.databaseCpuPct ?? 0) >= 85) reasons.push(`database busy (${pct(result.databaseCpuPct ?? 0)} of one core in its backends)`);
  if (result.machinePct >= 185 || result.clientsLoopP99Ms > 50) {
    const ours = result.serverCpuPct + (result.databaseCpuPct ?? 0) + result.clientsCpuPct;
    const others = Math.max(0, result.machinePct - ours);
    const who = others > ours ? 'other work on the machine distorts this step' : 'the clients themselves may limit this step';
    const database = result.databaseCpuPct === undefined ? '' : `, its database backends ${pct(result.databaseCpuPct)}`;
    reasons.push(
      `box saturated: ${pct(result.machinePct)} of 200 % busy (server ${pct(result.serverCpuPct)}${database}, client processes ` +
        `${pct(result.clientsCpuPct)} with event-loop delay p99 ${ms(result.clientsLoopP99Ms)}, everything else ${pct(others)}) — ${who}`,
    );
  }
  if (result.healthzMaxMs > 200) reasons.push(`server event loop stalls: /healthz waited up to ${ms(result.healthzMaxMs)}`);
  return result;
}

export function stepTable(results: readonly StepResult[]): string {
  return table(
    ['server', 'users', 'server CPU', 'db CPU', 'RSS', 'deliveries/s', 'p50', 'p99', 'lost', 'sends ok/failed', 'join p99', '/healthz max', 'clients CPU', 'box CPU', 'verdict'],
    results.map((r) => [
      r.label,
      String(r.users),
      pct(r.serverCpuPct),
      r.databaseCpuPct === undefined ? '—' : pct(r.databaseCpuPct),
      mb(r.rssBytes),
      (r.deliveries / r.windowS).toFixed(0),
      ms(r.p50),
      ms(r.p99),
      `${r.lost} / ${r.expected}`,
      `${r.sends} / ${sum(Object.values(r.sendFailures))}`,
      ms(r.joinP99),
      ms(r.healthzMaxMs),
      pct(r.clientsCpuPct),
      pct(r.machinePct),
      // Only pchat's rows are checks of the target; the baseline's say whether it held.
      r.label.startsWith('pchat') ? verdict(r.pass) : r.pass ? 'held' : 'broke',
    ]),
  );
}

/** The largest step that held, and the first that did not, in words. */
export function capacityLine(label: string, results: readonly StepResult[]): { held: number; text: string } {
  let held = 0;
  for (const r of results) {
    if (!r.pass) break;
    held = r.users;
  }
  const broken = results.find((r) => !r.pass);
  const breaks = broken ? `breaks at ${broken.users} users: ${broken.reasons.join('; ')}` : `did not break up to ${results.at(-1)?.users ?? 0} users (the largest step run)`;
  const holds = held === 0 ? `holds none of the steps (the smallest: ${results[0]?.users ?? 0} users)` : `holds ${held} connected users`;
  return { held, text: `${label}: ${holds} at p99 ≤ ${P99_TARGET_MS} ms with nothing lost; ${breaks}` };
}
