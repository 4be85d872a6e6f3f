// Durability under hard crashes: a real server process is killed with SIGKILL several times
// while clients keep sending, then restarted on the same port and data directory. Whatever the
// server acknowledged must be stored exactly once, seq must stay gap-free, and every client's
// view (live messages + catch-up) must converge to the stored room.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { createCategory, createRoom, createUser, signInAdmin } from './helpers/http-client';
import { OutboxClient } from './helpers/outbox-client';
import { type ServerProcess, freePort, spawnServer } from './helpers/server-process';
import { connect, ok } from './helpers/socket-client';

const CLIENTS = 4;
const MESSAGES_PER_CLIENT = 100;
const SEND_INTERVAL_MS = 15;
const KILLS = 3;
/** Generous: tsx compiles on every start, and CI machines are shared. */
const RUN_BUDGET_MS = 100_000;

describe('kill -9 while clients send', () => {
  let server: ServerProcess | undefined;
  let dataDir = '';
  const clients: OutboxClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.kill('SIGKILL');
    if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged message, stores none twice and keeps seq gap-free', { timeout: RUN_BUDGET_MS + 20_000 }, async () => {
    const deadline = Date.now() + RUN_BUDGET_MS;
    dataDir = await mkdtemp(join(tmpdir(), 'pchat-kill9-'));
    const port = await freePort();
    server = await spawnServer(port, dataDir);
    const { url } = server;
    const admin = await signInAdmin(url);
    const category = await createCategory(url, admin.token, { name: 'Crash' });
    const room = await createRoom(url, admin.token, { name: 'Crash room', categoryId: category.id, privacy: 'open' });
    for (let i = 0; i < CLIENTS; i += 1) {
      const session = await createUser(url, admin.token, `writer${i}`);
      clients.push(
        new OutboxClient({ name: `w${i}`, token: session.token, url, roomId: room.id, total: MESSAGES_PER_CLIENT, intervalMs: SEND_INTERVAL_MS, deadline }),
      );
    }

    const sending = Promise.all(clients.map((client) => client.run()));
    // Crash on purpose at random moments, chosen as random points of the traffic (between 10 %
    // and 75 % of all messages acknowledged) so every kill lands while clients are sending.
    const total = CLIENTS * MESSAGES_PER_CLIENT;
    const killAt = Array.from({ length: KILLS }, () => Math.floor(total * (0.1 + Math.random() * 0.65))).sort((a, b) => a - b);
    const acked = () => clients.reduce((sum, c) => sum + c.acked.size, 0);
    let kills = 0;
    let ackedAtRestart = 0;
    for (const point of killAt) {
      // Never twice in a row without traffic in between: the clients must be back and sending.
      const threshold = Math.max(point, ackedAtRestart + total * 0.05);
      while (acked() < threshold && !clients.every((c) => c.done)) {
        if (Date.now() > deadline) throw new Error(`stuck at ${acked()} acknowledged before kill ${kills + 1}`);
        await pause(5);
      }
      if (clients.every((c) => c.done)) break;
      const { signal } = await server.kill('SIGKILL');
      expect(signal ?? 'SIGKILL').toBe('SIGKILL');
      kills += 1;
      // Clean start on the same data directory and port after a crash.
      server = await spawnServer(port, dataDir);
      expect(server.url).toBe(url);
      ackedAtRestart = acked();
    }
    await sending;
    // Every kill happened while clients were still sending, so the test really crossed crashes.
    expect(kills).toBe(KILLS);
    // Each client connected once, and every kill sent clients reconnecting.
    expect(clients.reduce((sum, c) => sum + c.reconnects, 0)).toBeGreaterThanOrEqual(CLIENTS + KILLS);

    const stored = await readRoom(url, admin.token, room.id);
    const seqs = stored.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    const clientIds = stored.map((m) => `${m.senderId}/${m.clientId}`);
    expect(new Set(clientIds).size).toBe(clientIds.length);
    // Each client retried until acknowledged, so exactly its messages are stored, nothing more.
    expect(stored.length).toBe(CLIENTS * MESSAGES_PER_CLIENT);

    const byClientId = new Map(stored.map((m) => [m.clientId, m]));
    for (const client of clients) {
      expect(client.acked.size).toBe(MESSAGES_PER_CLIENT);
      for (const [clientId, ackedMessage] of client.acked) {
        const kept = byClientId.get(clientId);
        // Acknowledged means stored, with the very seq and id the ack carried.
        expect(kept && { seq: kept.seq, id: kept.id, text: kept.text }).toEqual({ seq: ackedMessage.seq, id: ackedMessage.id, text: ackedMessage.text });
      }
    }

    // A last catch-up, as after any reconnect; then every view equals the stored room.
    for (const client of clients) {
      expect(await client.catchUp()).toBe(true);
      expect(client.conflicts).toEqual([]);
      const view = [...client.view.values()].sort((a, b) => a.seq - b.seq);
      expect(view.map((m) => `${m.seq}:${m.id}`)).toEqual(stored.map((m) => `${m.seq}:${m.id}`));
    }
  });
});

async function readRoom(url: string, token: string, roomId: string): Promise<Message[]> {
  const { socket } = await connect(url, token);
  const all: Message[] = [];
  for (;;) {
    const page = await ok(socket, 'messages:since', { roomId, afterSeq: all.at(-1)?.seq ?? 0 });
    all.push(...page.messages);
    if (!page.hasMore) break;
  }
  socket.disconnect();
  return all;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
