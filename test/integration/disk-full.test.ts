// Issue 9 #12: a full disk is told plainly. The server runs on a real, tiny file system (a 4 MB
// tmpfs, so this needs root and mount; it says so and skips elsewhere) until uploads and then
// the database hit ENOSPC: the log says "disk full" / "database or disk is full" (never
// "cannot rollback"), answers carry no errno text, and the server works again once space is back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/app';
import { type CapturedStderr, captureStderr } from './helpers/capture-stderr';
import { createCategory, createRoom, createUser, signIn } from './helpers/http-client';
import { type ClientSocket, closeAllSockets, connect, request } from './helpers/socket-client';
import { upload } from './helpers/upload';

const ADMIN_PASSWORD = 'disk-full-admin';

function mountTinyFs(): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'pchat-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const dir = mountTinyFs();
if (!dir) console.warn('disk-full.test.ts: skipped (needs root and `mount -t tmpfs`)');

describe.skipIf(!dir)('disk full', () => {
  let server: RunningServer;
  let token: string;
  let roomId: string;
  let socket: ClientSocket;
  let logged: CapturedStderr;

  beforeAll(async () => {
    logged = captureStderr();
    // No disk reserve: this test wants the disk itself to run out.
    // PostgreSQL keeps its data elsewhere; the SQLite store is what fills up here.
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir: dir!,
      adminPassword: ADMIN_PASSWORD,
      webRoot: join(dir!, 'no-web'),
      files: { diskReserveBytes: 0 },
    });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    const alice = await createUser(server.url, admin.token, 'alice');
    token = alice.token;
    const category = await createCategory(server.url, admin.token, { name: 'General' });
    roomId = (await createRoom(server.url, admin.token, { name: 'Lobby', categoryId: category.id, privacy: 'open' })).id;
    socket = (await connect(server.url, token)).socket;
  });
  afterAll(async () => {
    logged.restore();
    closeAllSockets();
    await server?.close();
    try {
      execFileSync('umount', [dir!], { stdio: 'ignore' });
    } finally {
      rmSync(dir!, { recursive: true, force: true });
    }
  });

  it('an upload that runs out of disk is a plain 500 (no ENOSPC text), logged as "disk full", and leaves no .part file', async () => {
    let answer: { status: number; body: unknown } | undefined;
    for (let i = 0; i < 10; i++) {
      answer = await upload(server.url, roomId, token, new Uint8Array(1024 * 1024).fill(0x61));
      if (answer.status !== 201) break;
    }
    expect(answer!.status).toBe(500);
    expect(answer!.body).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(logged.text()).toContain('disk full');
    expect(execFileSync('ls', [join(dir!, 'files')]).toString()).not.toContain('.part');
  });

  it('a send that cannot be stored answers internal and logs the full database, never "cannot rollback"; it works again once space is back', async () => {
    const filler = join(dir!, 'filler');
    // Take whatever space is left.
    try {
      writeFileSync(filler, new Uint8Array(8 * 1024 * 1024));
    } catch {
      // ENOSPC: the file holds what fitted.
    }
    logged.clear();
    let failed: unknown;
    for (let i = 0; i < 50 && failed === undefined; i++) {
      const answer = await request(socket, 'message:send', { roomId, clientId: `full-${i}`, text: `line ${i} ${'x'.repeat(2000)}` });
      if (!answer.ok) failed = answer;
    }
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(failed)).not.toMatch(/ENOSPC|SQLITE|disk/i);
    const log = logged.text();
    expect(log).toMatch(/disk is full|disk full/);
    expect(log).not.toContain('cannot rollback');

    rmSync(filler, { force: true });
    const again = await request(socket, 'message:send', { roomId, clientId: 'after-space', text: 'space is back' });
    expect(again).toMatchObject({ ok: true });
  });
});
