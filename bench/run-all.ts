// `npm run bench`: every benchmark in bench/, one after the other, each in its own process and
// bounded in time. The convention every benchmark follows (bench/README.md):
//   - a benchmark is a `bench/*.ts` file directly in this folder (helpers live in subfolders);
//   - it exports nothing and runs with `npx tsx bench/<file>`;
//   - it accepts `--quick` (short durations) and `--store sqlite|postgres`, and ignores flags it
//     does not know;
//   - it prints its table with its baseline from the same run, a PASS or FAIL per target (or
//     SKIPPED and why), and exits 0 even when a target fails; non-zero means it could not run.
//
//   npm run bench [-- --full] [-- --store postgres] [-- --only fanout,memory]
// Quick by default (a few minutes in all); --full runs the durations bench/README.md reports.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../test/support/server-process';
import { describeRun } from './support/machine';
import { table } from './support/stats';

const { values } = parseArgs({
  strict: true,
  options: { full: { type: 'boolean', default: false }, store: { type: 'string', default: 'sqlite' }, only: { type: 'string', default: '' } },
});
const full = values.full;
// Generous per-benchmark bounds: each benchmark has its own, shorter deadline too.
const TIMEOUT_S = full ? 1200 : 600;

const BENCH_DIR = join(REPO_ROOT, 'bench');
const only = values.only.split(',').filter(Boolean);
const benchmarks = readdirSync(BENCH_DIR, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && entry.name !== 'run-all.ts')
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();

interface Outcome {
  name: string;
  seconds: number;
  status: string;
  verdicts: string;
}

function run(name: string): Promise<Outcome> {
  const started = performance.now();
  const args = ['--import', 'tsx', join('bench', name), ...(full ? [] : ['--quick']), '--store', values.store];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_S * 1000);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const count = (word: string) => (output.match(new RegExp(`\\b${word}\\b`, 'g')) ?? []).length;
      const verdicts = ['PASS', 'FAIL', 'SKIPPED'].map((word) => [word, count(word)] as const).filter(([, n]) => n > 0);
      resolve({
        name,
        seconds: (performance.now() - started) / 1000,
        status: code === 0 ? 'ran' : signal ? `stopped (${signal}${signal === 'SIGTERM' ? `, over ${TIMEOUT_S} s` : ''})` : `failed (exit ${code})`,
        verdicts: verdicts.map(([word, n]) => `${n} ${word}`).join(', ') || '—',
      });
    });
  });
}

// The children die with us (Ctrl+C reaches the whole process group anyway).
process.once('SIGINT', () => process.exit(130));

console.log(`npm run bench · ${describeRun()} · ${full ? 'full' : 'quick'} · store ${values.store} · ${benchmarks.length} benchmarks`);
const outcomes: Outcome[] = [];
for (const name of benchmarks) {
  console.log(`\n=== ${name} ===`);
  outcomes.push(await run(name));
}
console.log(`\n=== summary ===`);
console.log(table(['benchmark', 'time', 'status', 'targets'], outcomes.map((o) => [o.name, `${o.seconds.toFixed(0)} s`, o.status, o.verdicts])));
process.exit(outcomes.every((o) => o.status === 'ran') ? 0 : 1);
