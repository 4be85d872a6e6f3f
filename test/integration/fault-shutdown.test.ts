// Graceful shutdown on SIGTERM, against a real server process: it drains (every message it stored
// was acknowledged before the socket closed, so nothing is stored silently and nothing answers
// `internal` because the database closed under a running handler), exits 0, closes the database
// (the WAL is checkpointed away), and a restart on the same data finds exactly those messages.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { createCategory, createRoom, createUser, http, signInAdmin } from './helpers/http-client';
import { type ServerProcess, freePort, spawnServer } from './helpers/server-process';
import { type ClientSocket, closeAllSockets, connect, ok, record, waitFor } from './helpers/socket-client';

/** Pipelined sends per writer, under the per-connection burst allowance of §9.12's limiter;
 * several writers and long texts keep the server busy long enough for SIGTERM to land mid-burst. */
const BURST = 150;
const WRITERS = 4;
const TEXT = 'lorem ipsum dolor sit amet '.repeat(150);

type SendAck = { ok: true; message: Message } | { ok: false; error: { code: string } };

function send(socket: ClientSocket, roomId: string, clientId: string): Promise<SendAck | undefined> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<SendAck> } };
  // No answer (the socket closed first) is a legitimate outcome; the outbox would resend.
  return raw.timeout(10_000).emitWithAck('message:send', { roomId, clientId, text: `${clientId} ${TEXT}` }).catch(() => undefined);
}

describe('SIGTERM', () => {
  let dataDir = '';
  let server: ServerProcess | undefined;

  afterAll(async () => {
    closeAllSockets();
    await server?.kill('SIGKILL');
    if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
  });

  it('drains running sends, exits 0 with the database closed, and restarts on the same data', { timeout: 90_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pchat-drain-'));
    server = await spawnServer(await freePort(), dataDir);
    const { url } = server;
    const admin = await signInAdmin(url);
    const category = await createCategory(url, admin.token, { name: 'Drain' });
    const room = await createRoom(url, admin.token, { name: 'Drain room', categoryId: category.id, privacy: 'open' });
    const { socket: observer } = await connect(url, admin.token);
    await ok(observer, 'room:join', { roomId: room.id });
    const live = record(observer, 'message:new');
    const writers: ClientSocket[] = [];
    for (let w = 0; w < WRITERS; w += 1) writers.push((await connect(url, (await createUser(url, admin.token, `writer${w}`)).token)).socket);

    const acks = writers.flatMap((socket, w) => Array.from({ length: BURST }, (_, i) => send(socket, room.id, `w${w}-${i}`)));
    // Stop the server while the burst is being stored: some sends are done, others running.
    await waitFor(() => live.length >= 1, 'the first stored message', 20_000);
    const { code } = await server.kill('SIGTERM');
    const answers = await Promise.all(acks);
    expect(code).toBe(0);
    // Closing the last connection checkpoints the WAL and removes it: the database was closed.
    expect(existsSync(join(dataDir, 'pchat.db-wal'))).toBe(false);
    await expect(fetch(new URL('/healthz', url))).rejects.toThrow();

    const acked = answers.flatMap((a) => (a?.ok === true ? [a.message.clientId] : []));
    expect(answers.filter((a) => a !== undefined && !a.ok)).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(1);

    server = await spawnServer(await freePort(), dataDir);
    const again = await signInAdmin(server.url);
    expect((await http(server.url, 'GET', '/healthz')).status).toBe(200);
    const { socket: reader } = await connect(server.url, again.token);
    // Catch-up pages are bounded in bytes as well as count: page on as the client does.
    const stored: Message[] = [];
    for (let more = true; more; ) {
      const page = await ok(reader, 'messages:since', { roomId: room.id, afterSeq: stored.at(-1)?.seq ?? 0 });
      stored.push(...page.messages);
      more = page.hasMore;
    }
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    // Stored ⇔ acknowledged: the drain let every started send finish and answer.
    expect(stored.map((m) => m.clientId).sort()).toEqual([...acked].sort());
  });
});
