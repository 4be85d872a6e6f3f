// PROTOCOL §10 (issue 9 #6): a connection that sends nothing for the idle time (30 s; shortened
// here through the internal option) in the middle of a request's headers or body is closed, an
// unfinished upload leaves nothing behind, and a socket.io connection is not affected.
import net from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createRoom, createUser, signInAdmin } from './helpers/http-client';
import { closeAllSockets, connect, ok } from './helpers/socket-client';
import { type TestServer, startTestServer } from './helpers/test-server';

const IDLE_MS = 600;

/** Opens a raw connection, writes `first`, then waits; resolves with how long until the server closed it. */
function stall(url: string, first: string, limitMs: number): Promise<{ closedAfterMs: number | null; received: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    let received = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(first));
    const give = setTimeout(() => {
      socket.destroy();
      resolve({ closedAfterMs: null, received });
    }, limitMs);
    socket.on('data', (d: Buffer) => (received += d.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(give);
      resolve({ closedAfterMs: Date.now() - started, received });
    });
  });
}

describe('HTTP timeouts', () => {
  let server: TestServer;
  let token: string;
  let roomId: string;

  beforeAll(async () => {
    server = await startTestServer({ httpIdleTimeoutMs: IDLE_MS });
    const admin = await signInAdmin(server.url);
    token = (await createUser(server.url, admin.token, 'alice')).token;
    const category = await createCategory(server.url, admin.token, { name: 'General' });
    roomId = (await createRoom(server.url, admin.token, { name: 'Lobby', categoryId: category.id, privacy: 'open' })).id;
  });
  afterAll(async () => {
    closeAllSockets();
    await server.close();
  });

  it('closes a connection stalled in the middle of its headers, unauthenticated ones too', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => stall(server.url, 'GET /api/rooms HTTP/1.1\r\nHost: x\r\nX-Half: ', IDLE_MS * 6)),
    );
    for (const { closedAfterMs } of results) {
      expect(closedAfterMs).not.toBeNull();
      expect(closedAfterMs!).toBeGreaterThanOrEqual(IDLE_MS * 0.8);
      // §10: within 40 s of a 30 s idle time, i.e. within 4/3 of it (plus scheduling slack here).
      expect(closedAfterMs!).toBeLessThan(IDLE_MS * 4);
    }
  });

  it('closes a connection that trickles its headers byte by byte (bounded total time)', async () => {
    const { hostname, port } = new URL(server.url);
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = net.connect(Number(port), hostname);
      const trickle = setInterval(() => socket.write('a'), IDLE_MS / 3);
      socket.on('connect', () => socket.write('GET /api/rooms HTTP/1.1\r\nHost: x\r\nX-Slow: '));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(trickle);
        resolve(Date.now() - started);
      });
    });
    expect(closedAfter).toBeLessThan(IDLE_MS * 5);
  });

  it('closes an upload whose body stalls, and keeps no .part file', async () => {
    const boundary = 'stall-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stall.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const request =
      `POST /api/rooms/${roomId}/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + 1_000_000}\r\n\r\n${head}${'b'.repeat(200_000)}`;
    const filesDir = join(server.dataDir, 'files');
    const stalled = stall(server.url, request, IDLE_MS * 6);
    // While it hangs, its bytes sit in a .part file…
    const deadline = Date.now() + 2000;
    let parts: string[] = [];
    while (Date.now() < deadline && parts.length === 0) {
      parts = (await readdir(filesDir)).filter((n) => n.endsWith('.part'));
      if (parts.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(parts).toHaveLength(1);
    const { closedAfterMs } = await stalled;
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(IDLE_MS * 4);
    // …and once the connection is closed nothing is left.
    await new Promise((r) => setTimeout(r, 100));
    expect(await readdir(filesDir)).toEqual([]);
  });

  it('keeps a quiet socket.io connection open past the idle time, and serves normal requests', async () => {
    const { socket } = await connect(server.url, token);
    await new Promise((r) => setTimeout(r, IDLE_MS * 3));
    expect(socket.connected).toBe(true);
    expect((await ok(socket, 'rooms:list', {})).rooms.map((r) => r.name)).toContain('Lobby');
    const answer = await fetch(new URL('/api/rooms', server.url), { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
  });
});
