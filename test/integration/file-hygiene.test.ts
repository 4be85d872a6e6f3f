// PROTOCOL §10 for files (issue 9 #5, #7): a removed message takes its attachment with it (404,
// bytes deleted); uploads are bounded per user (30 in any 60 s, a daily byte budget, a disk
// reserve) with 429 rate_limited; a file never attached is swept after its time.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartOptions } from '../../server/app';
import { createCategory, createRoom, createUser, http, signInAdmin } from './helpers/http-client';
import { type ClientSocket, closeAllSockets, connect, ok } from './helpers/socket-client';
import { type TestServer, startTestServer } from './helpers/test-server';
import { captureStderr } from './helpers/capture-stderr';
import { upload } from './helpers/upload';

const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);

interface Setup {
  server: TestServer;
  adminToken: string;
  alice: { token: string; socket: ClientSocket };
  bobToken: string;
  roomId: string;
  stored(): Promise<string[]>;
  download(fileId: string): Promise<number>;
}

async function setUp(options: Partial<StartOptions> = {}): Promise<Setup> {
  const server = await startTestServer(options);
  const admin = await signInAdmin(server.url);
  const alice = await createUser(server.url, admin.token, 'alice');
  const bob = await createUser(server.url, admin.token, 'bob');
  const category = await createCategory(server.url, admin.token, { name: 'General' });
  const room = await createRoom(server.url, admin.token, { name: 'Lobby', categoryId: category.id, privacy: 'open' });
  const { socket } = await connect(server.url, alice.token);
  return {
    server,
    adminToken: admin.token,
    alice: { token: alice.token, socket },
    bobToken: bob.token,
    roomId: room.id,
    stored: async () => (await readdir(join(server.dataDir, 'files'))).sort(),
    download: async (fileId) => (await http(server.url, 'GET', `/api/files/${fileId}`, { token: alice.token })).status,
  };
}

describe('attachments leave with their messages (issue 9 #5)', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    closeAllSockets();
    await s.server.close();
  });

  async function postWithFile(clientId: string, text: string): Promise<string> {
    const up = await upload(s.server.url, s.roomId, s.alice.token, bytes(64), `${clientId}.txt`, 'text/plain');
    expect(up.status).toBe(201);
    const fileId = String(up.body.fileId);
    await ok(s.alice.socket, 'message:send', { roomId: s.roomId, clientId, text, fileId });
    expect(await s.download(fileId)).toBe(200);
    expect(await s.stored()).toContain(fileId);
    return fileId;
  }

  const admin = (path: string, body: unknown) => http(s.server.url, 'POST', `/api/admin/rooms/${s.roomId}/${path}`, { token: s.adminToken, body });

  it('clear: the file answers 404 and its bytes are gone', async () => {
    const fileId = await postWithFile('c1', 'cleared with its file');
    expect((await admin('clear', { before: new Date(Date.now() + 60_000).toISOString() })).body.removed).toBeGreaterThan(0);
    expect(await s.download(fileId)).toBe(404);
    expect(await s.stored()).not.toContain(fileId);
  });

  it('remove-messages: only the matching message’s file goes', async () => {
    const doomed = await postWithFile('r1', 'remove me please');
    const kept = await postWithFile('r2', 'keep me');
    expect((await admin('remove-messages', { contains: 'remove me' })).body.removed).toBe(1);
    expect(await s.download(doomed)).toBe(404);
    expect(await s.stored()).not.toContain(doomed);
    expect(await s.download(kept)).toBe(200);
  });

  it('remove-messages with replaceWith: the rewritten message loses its file, and the bytes go', async () => {
    const fileId = await postWithFile('w1', 'rewrite me');
    expect((await admin('remove-messages', { contains: 'rewrite me', replaceWith: '[removed]' })).body.removed).toBe(1);
    expect(await s.download(fileId)).toBe(404);
    expect(await s.stored()).not.toContain(fileId);
    const { messages } = await ok(s.alice.socket, 'room:join', { roomId: s.roomId });
    expect(messages.find((m) => m.text === '[removed]')?.file).toBeNull();
  });

  it('a file another message still holds stays', async () => {
    const fileId = await postWithFile('d1', 'first holder');
    await ok(s.alice.socket, 'message:send', { roomId: s.roomId, clientId: 'd2', text: 'second holder', fileId });
    await admin('remove-messages', { contains: 'first holder' });
    expect(await s.download(fileId)).toBe(200);
    await admin('remove-messages', { contains: 'second holder' });
    expect(await s.download(fileId)).toBe(404);
    expect(await s.stored()).not.toContain(fileId);
  });
});

describe('upload rate and budget (issue 9 #7)', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    closeAllSockets();
    await s.server.close();
  });

  it('at most 30 uploads per user in 60 s, parallel ones included; 429 rate_limited with retryAfterS; other users unaffected', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => upload(s.server.url, s.roomId, s.alice.token, bytes(10))));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(30);
    expect(statuses.filter((x) => x === 429)).toHaveLength(10);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.body.error.retryAfterS).toBeGreaterThan(0);
    expect(refused.body.error.retryAfterS).toBeLessThanOrEqual(60);
    // Nothing of a refused upload is kept: 30 stored, no .part file.
    const stored = await s.stored();
    expect(stored).toHaveLength(30);
    expect(stored.filter((n) => n.endsWith('.part'))).toEqual([]);
    expect((await upload(s.server.url, s.roomId, s.bobToken, bytes(10))).status).toBe(201);
  });
});

describe('upload byte budget and disk reserve', () => {
  it('refuses uploads past the daily byte budget with 429', async () => {
    const s = await setUp({ files: { upload: { uploadsPerWindow: 30, windowMs: 60_000, bytesPerDay: 5000 } } });
    try {
      expect((await upload(s.server.url, s.roomId, s.alice.token, bytes(3000))).status).toBe(201);
      expect((await upload(s.server.url, s.roomId, s.alice.token, bytes(3000))).status).toBe(201);
      const over = await upload(s.server.url, s.roomId, s.alice.token, bytes(10));
      expect([over.status, over.body.error.code]).toEqual([429, 'rate_limited']);
      expect((await upload(s.server.url, s.roomId, s.bobToken, bytes(10))).status).toBe(201);
    } finally {
      closeAllSockets();
      await s.server.close();
    }
  });

  it('refuses uploads when the disk is short of its reserve: 500 without errno text, "disk full" in the log, nothing stored', async () => {
    const s = await setUp({ files: { diskReserveBytes: Number.MAX_SAFE_INTEGER } });
    const logged = captureStderr();
    try {
      const refused = await upload(s.server.url, s.roomId, s.alice.token, bytes(10));
      expect(refused.status).toBe(500);
      expect(refused.body.error.code).toBe('internal');
      expect(JSON.stringify(refused.body)).not.toMatch(/ENOSPC|disk|bytes free/i);
      expect(await s.stored()).toEqual([]);
      expect(logged.text()).toContain('disk full');
    } finally {
      logged.restore();
      closeAllSockets();
      await s.server.close();
    }
  });
});

describe('files never attached are swept', () => {
  it('deletes an unattached file (row and bytes) after its time, keeps attached ones', async () => {
    const s = await setUp({ files: { unattachedTtlMs: 400, sweepIntervalMs: 100 } });
    try {
      const lonely = String((await upload(s.server.url, s.roomId, s.alice.token, bytes(20))).body.fileId);
      const kept = String((await upload(s.server.url, s.roomId, s.alice.token, bytes(20))).body.fileId);
      await ok(s.alice.socket, 'message:send', { roomId: s.roomId, clientId: 'k', text: 'attached', fileId: kept });
      // Right after the upload the file is there (a client attaches it in the next moment).
      expect(await s.download(lonely)).toBe(200);
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (await s.download(lonely)) === 200) await new Promise((r) => setTimeout(r, 100));
      expect(await s.download(lonely)).toBe(404);
      expect(await s.stored()).toEqual([kept]);
      expect(await s.download(kept)).toBe(200);
      // A late attach of a swept file is refused like any unknown file.
      const late = await connect(s.server.url, s.alice.token);
      const ack = await late.socket.timeout(5000).emitWithAck('message:send', { roomId: s.roomId, clientId: 'late', text: 'x', fileId: lonely });
      expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    } finally {
      closeAllSockets();
      await s.server.close();
    }
  });
});
