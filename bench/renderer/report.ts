// Statistics and the table the renderer benchmark prints (kept here so the benchmark depends on
// nothing but itself, the server's command line and the built web client).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

/** When, at which commit, on what and how busy: figures mean nothing without it. */
export function describeRun(browserVersion: string): string {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not a git checkout: say so rather than fail.
  }
  const [load = 0] = loadavg();
  const busy = load > cpus().length * 0.5 ? ' (BUSY: other processes share these cores, figures are distorted)' : '';
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return `${when} UTC · commit ${commit} · ${cpus().length} cores · Node ${process.version} · Chromium ${browserVersion} · load average ${load.toFixed(1)}${busy}`;
}

/** The p-th percentile (nearest rank); NaN when there are no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');
export const us = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} µs` : '—');
export const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

/** A plain-text table, columns padded to their widest cell. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
