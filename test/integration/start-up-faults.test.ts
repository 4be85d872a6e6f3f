// Issue 9 #12: start-up faults say what is wrong and what to fix, in one line, with the usual
// exit codes (2: bad flags, 1: cannot start).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server-process';

const scratch = mkdtempSync(join(tmpdir(), 'pchat-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runServer(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('start-up faults', () => {
  it('no database path: --data "" is refused (exit 2) instead of filling the current directory', () => {
    const { status, stderr } = runServer(['--data', '']);
    expect(status).toBe(2);
    expect(stderr).toContain('--data must name a directory');
  });

  it('a data path that is a file: one clear line, exit 1', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a directory');
    for (const data of [file, join(file, 'below')]) {
      const { status, stderr } = runServer(['--data', data]);
      expect(status).toBe(1);
      expect(stderr).toContain(`cannot use the data directory ${data}: a file is in the way`);
      expect(stderr).not.toMatch(/EEXIST|ENOTDIR|at .*\.ts:\d+/);
    }
  });

  it('a data directory holding something that is not a database: said so', () => {
    const dir = join(scratch, 'bad-db');
    mkdirSync(dir);
    writeFileSync(join(dir, 'pchat.db'), 'this is not sqlite '.repeat(100));
    const { status, stderr } = runServer(['--data', dir]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/pchat server: .*(not a SQLite database|damaged|not a database)/);
  });
});
