// §11 across servers (--redis, one store): an edit, a reaction and a delete made through one
// server reach the joined sockets of the other, and the category's messageEdits switch changed on
// one is enforced by the other at once. Runs when Redis answers at PCHAT_TEST_REDIS_URL (default
// redis://127.0.0.1:6379) and says plainly when it is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createRoom, createUser, http, signInAdmin } from './helpers/http-client';
import { type ClientSocket, closeAllSockets, connect, ok, record, request, waitFor } from './helpers/socket-client';
import { REDIS_URL, redisReachable } from './helpers/redis';
import { type TestServer, startTestServer } from './helpers/test-server';

const reachable = await redisReachable(REDIS_URL);
if (!reachable) console.warn(`SKIPPED: message actions across servers — no Redis answers at ${REDIS_URL}`);

describe.skipIf(!reachable)('message actions across servers (--redis)', () => {
  let one: TestServer;
  let two: TestServer;
  let admin: string;
  let categoryId: string;
  let roomId: string;
  let ana: ClientSocket;
  let ben: ClientSocket;

  beforeAll(async () => {
    one = await startTestServer({ redis: REDIS_URL });
    two = await startTestServer({ redis: REDIS_URL, dataDir: one.dataDir, database: one.database });
    admin = (await signInAdmin(one.url)).token;
    categoryId = (await createCategory(one.url, admin, { name: 'Cluster' })).id;
    roomId = (await createRoom(one.url, admin, { name: 'Shared', categoryId, privacy: 'open' })).id;
    ana = (await connect(one.url, (await createUser(one.url, admin, 'ana')).token)).socket;
    ben = (await connect(two.url, (await createUser(one.url, admin, 'ben')).token)).socket;
    await ok(ana, 'room:join', { roomId });
    await ok(ben, 'room:join', { roomId });
  });
  afterAll(async () => {
    closeAllSockets();
    await two.close();
    await one.close();
  });

  it('edits, reactions and deletes on one server reach the other server’s sockets', async () => {
    const updates = record(ben, 'message:updated');
    const removed = record(ben, 'message:removed');
    const m = (await ok(ana, 'message:send', { roomId, clientId: 'x1', text: 'draft' })).message;
    await ok(ana, 'message:edit', { roomId, seq: m.seq, text: 'final' });
    await waitFor(() => updates.length === 1, 'the edit on server two');
    expect(updates[0]!.message).toMatchObject({ seq: m.seq, text: 'final' });
    await ok(ana, 'message:react', { roomId, seq: m.seq, emoji: '🎉', on: true });
    await waitFor(() => updates.length === 2, 'the reaction on server two');
    expect(updates[1]!.message.reactions).toEqual([{ emoji: '🎉', userIds: [expect.any(String) as string] }]);
    // Ben, on server two, reacts to what server one stored; then ana deletes it.
    await ok(ben, 'message:react', { roomId, seq: m.seq, emoji: '🎉', on: true });
    await ok(ana, 'message:delete', { roomId, seq: m.seq });
    await waitFor(() => removed.length === 1, 'the delete on server two');
    expect(removed[0]).toEqual({ roomId, seq: m.seq });
  });

  it('messageEdits turned off through one server is enforced by the other at once', async () => {
    const m = (await ok(ben, 'message:send', { roomId, clientId: 'x2', text: 'on two' })).message;
    const updated = record(ben, 'room:updated');
    const patched = await http(one.url, 'PATCH', `/api/admin/categories/${categoryId}`, { token: admin, body: { messageEdits: false } });
    expect(patched.status).toBe(200);
    await waitFor(() => updated.some((u) => u.room.id === roomId && u.room.messageEdits === false), 'room:updated on server two');
    const answer = await request(ben, 'message:edit', { roomId, seq: m.seq, text: 'changed' });
    expect(answer.ok ? 'ok' : answer.error.code).toBe('forbidden');
  });
});
