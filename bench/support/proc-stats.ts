// What a benchmark reads about a server from outside, the way an operator would: CPU time and
// resident memory from /proc (Linux only), never from inside the server.
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_S = 100; // USER_HZ: 100 on every Linux this runs on (`getconf CLK_TCK`)

/** utime + stime of `pid` in seconds (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
}

/** Resident set size of `pid` in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/** CPU use of `pids` between start() and stop(), as % of one core. */
export function cpuMeter(pids: readonly number[]) {
  const total = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const startedCpu = total();
  const startedAt = performance.now();
  return {
    stop(): number {
      const seconds = (performance.now() - startedAt) / 1000;
      return ((total() - startedCpu) / seconds) * 100;
    },
  };
}

/**
 * The pid of our child process whose command line contains `marker` (a unique data directory or
 * tag). test/support/server-process.ts starts the server with `node --import tsx …` directly, so
 * the server is a direct child of this process.
 */
export function childPid(marker: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(marker)) return Number(entry);
    } catch {
      // The process ended while we looked: not ours to find.
    }
  }
  throw new Error(`no child process with "${marker}" on its command line`);
}
