// How busy the whole machine is (every process, ours and anyone else's), from /proc/stat: on a
// shared 2-core box a figure means little without it.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

function ticks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** CPU use of the whole machine between start and stop(), as % of one core (200 % = 2 cores busy). */
export function machineMeter() {
  const start = ticks();
  return {
    stop(): number {
      const end = ticks();
      return ((end.busy - start.busy) / Math.max(1, end.total - start.total)) * cpus().length * 100;
    },
  };
}

function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined; // ended (a database backend closed): its last reading stands
  }
}

/** CPU of `pids` (processes that may end meanwhile) between start and stop(), % of one core. */
export function processesMeter(pids: readonly number[]) {
  const first = new Map(pids.map((pid) => [pid, cpuTicks(pid)] as const));
  const last = new Map(first);
  const startedAt = performance.now();
  return {
    stop(): number {
      let ticks = 0;
      for (const pid of pids) {
        last.set(pid, cpuTicks(pid) ?? last.get(pid));
        ticks += (last.get(pid) ?? 0) - (first.get(pid) ?? 0);
      }
      // USER_HZ is 100 on every Linux this runs on.
      return (ticks / 100 / ((performance.now() - startedAt) / 1000)) * 100;
    },
  };
}
