// One line saying when, on what and at which commit a benchmark ran: figures mean nothing
// without it, and bench/README.md copies it beside every result.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { REPO_ROOT } from '../../test/support/server-process';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function describeRun(): string {
  const commit = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  const dirty = git(['status', '--porcelain', '--untracked-files=no', '--', 'server', 'common']) !== '' ? ' (server/ or common/ has uncommitted changes)' : '';
  const cores = cpus();
  const model = cores[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const memory = `${Math.round(totalmem() / 1024 ** 3)} GB`;
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit}${dirty} · ${cores.length} cores (${model}), ${memory} · Node ${process.version} · ${describeLoad()}`;
}

/** The machine's load right now; other work on a 2-core box distorts every figure, so say so. */
export function describeLoad(): string {
  const [oneMinute = 0] = loadavg();
  const busy = oneMinute > cpus().length * 0.5;
  return `load average ${oneMinute.toFixed(1)}${busy ? ' (BUSY: other processes share these cores, figures are distorted)' : ''}`;
}
