// PROTOCOL §11 reactions, administrators' rewrites pushed live, and the messageEdits switch from
// the admin CLI, against a real server (SQLite, or PostgreSQL with PCHAT_TEST_POSTGRES_URL).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { createRoom, createUser, http } from './helpers/http-client';
import { type ClientSocket, ok, record, request, settle, waitFor } from './helpers/socket-client';
import { ADMIN_PASSWORD } from './helpers/test-server';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('reactions and live rewrites (§11)', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let roomId: string;
  let n = 0;

  const send = async (socket: ClientSocket, text: string, room = roomId) =>
    (await ok(socket, 'message:send', { roomId: room, clientId: `r${++n}`, text })).message;
  const react = (socket: ClientSocket, seq: number, emoji: string, on = true, room = roomId) =>
    request(socket, 'message:react', { roomId: room, seq, emoji, on });
  const code = async (answer: Promise<{ ok: boolean; error?: { code: string } }>) => {
    const a = await answer;
    return a.ok ? 'ok' : a.error!.code;
  };
  const reactionsOf = (m: Message | undefined) => m?.reactions.map((r) => `${r.emoji}:${[...r.userIds].sort().join('+')}`);

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
    roomId = world.room.id;
    await ok(alice, 'room:join', { roomId });
    await ok(bob, 'room:join', { roomId });
  });
  afterAll(() => world.close());

  it('toggles: on adds, on twice is harmless, off removes, an emoji nobody holds leaves; order of first use', async () => {
    const m = await send(alice, 'react to me');
    const updates = record(alice, 'message:updated');
    const a1 = await react(bob, m.seq, '👍');
    expect(a1.ok && a1.message.reactions).toEqual([{ emoji: '👍', userIds: [world.bob.id] }]);
    await waitFor(() => updates.length === 1, 'message:updated');
    expect(updates[0]!.message.reactions).toEqual([{ emoji: '👍', userIds: [world.bob.id] }]);

    await react(alice, m.seq, '🎉');
    await react(alice, m.seq, '👍');
    const twice = await react(alice, m.seq, '👍');
    expect(twice.ok).toBe(true);
    await waitFor(() => updates.length === 3, 'three updates');
    await settle();
    // The repeated "on" changed nothing and announced nothing.
    expect(updates).toHaveLength(3);
    const stored = (await ok(bob, 'messages:since', { roomId, afterSeq: m.seq - 1 })).messages[0];
    expect(reactionsOf(stored)).toEqual([`👍:${[world.alice.id, world.bob.id].sort().join('+')}`, `🎉:${world.alice.id}`]);

    await react(alice, m.seq, '🎉', false);
    const off = await react(bob, m.seq, '👍', false);
    expect(off.ok && reactionsOf(off.message)).toEqual([`👍:${world.alice.id}`]);
    // "off" for what one does not hold is harmless too.
    expect(await code(react(bob, m.seq, '😮', false))).toBe('ok');
    const last = await react(alice, m.seq, '👍', false);
    expect(last.ok && last.message.reactions).toEqual([]);
    // A re-used emoji goes to the end: order of first use.
    await react(bob, m.seq, '😢');
    await react(bob, m.seq, '👍');
    const join = await ok(bob, 'room:join', { roomId });
    expect(join.messages.find((x) => x.seq === m.seq)?.reactions.map((r) => r.emoji)).toEqual(['😢', '👍']);
    expect((await ok(bob, 'search', { query: 'react to me' })).hits[0]?.message.reactions.map((r) => r.emoji)).toEqual(['😢', '👍']);
    expect((await ok(bob, 'room:history', { roomId, beforeSeq: m.seq + 1, limit: 1 })).messages[0]?.reactions).toHaveLength(2);
  });

  it('concurrent reactions by many users are all kept (the row is rewritten under a lock)', async () => {
    const m = await send(alice, 'everyone at once');
    const users = await Promise.all(Array.from({ length: 8 }, (_, i) => createUser(world.url, world.adminToken, `fan${i}`)));
    const sockets = await Promise.all(users.map(async (u) => (await connectAs(world, u)).socket));
    const answers = await Promise.all(sockets.map((s, i) => react(s, m.seq, i % 2 === 0 ? '👍' : '🎉')));
    expect(answers.every((a) => a.ok)).toBe(true);
    const stored = (await ok(bob, 'messages:since', { roomId, afterSeq: m.seq - 1 })).messages[0]!;
    expect(stored.reactions.map((r) => r.userIds.length).sort()).toEqual([4, 4]);
    expect(new Set(stored.reactions.flatMap((r) => r.userIds))).toEqual(new Set(users.map((u) => u.user.id)));
  });

  it('one emoji only: text, two emoji, an emoji with a letter are bad_request', async () => {
    const m = await send(alice, 'pick one');
    for (const emoji of ['ok', 'a', '👍👍', '👍a', ' ', '1', '\uD83D']) {
      expect(await code(react(bob, m.seq, emoji)), JSON.stringify(emoji)).toBe('bad_request');
    }
    for (const emoji of ['❤️', '👨‍👩‍👧‍👦', '🇫🇷', '👍🏽', '1️⃣']) expect(await code(react(bob, m.seq, emoji)), emoji).toBe('ok');
    const stored = (await ok(bob, 'messages:since', { roomId, afterSeq: m.seq - 1 })).messages[0];
    expect(stored?.reactions.map((r) => r.emoji)).toEqual(['❤️', '👨‍👩‍👧‍👦', '🇫🇷', '👍🏽', '1️⃣']);
  });

  it('at most 20 distinct emoji on a message: a 21st is bad_request, joining one of the 20 still works', async () => {
    const m = await send(alice, 'crowded');
    const twenty = Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x1f600 + i));
    for (const emoji of twenty) expect(await code(react(bob, m.seq, emoji))).toBe('ok');
    expect(await code(react(alice, m.seq, '🎉'))).toBe('bad_request');
    const joined = await react(alice, m.seq, twenty[0]!);
    expect(joined.ok && joined.message.reactions).toHaveLength(20);
    expect(joined.ok && joined.message.reactions[0]?.userIds).toHaveLength(2);
  });

  it('anyone who may read reacts, auditorium attendees included; others cannot', async () => {
    const hall = (
      await createRoom(world.url, world.adminToken, { name: 'Hall', categoryId: world.category.id, type: 'auditorium', privacy: 'open', presenters: ['alice'] })
    ).id;
    const m = await send(alice, 'keynote', hall);
    expect(await code(request(bob, 'message:send', { roomId: hall, clientId: 'no', text: 'may I?' }))).toBe('forbidden');
    expect(await code(react(bob, m.seq, '👏', true, hall))).toBe('ok');
    const closed = (await createRoom(world.url, world.adminToken, { name: 'Board', categoryId: world.category.id, privacy: 'closed', members: ['alice'] })).id;
    const secret = await send(alice, 'board only', closed);
    expect(await code(react(bob, secret.seq, '👍', true, closed))).toBe('forbidden');
    expect(await code(react(bob, 99_999, '👍'))).toBe('not_found');
  });

  it('remove-messages with replaceWith pushes message:updated to joined sockets', async () => {
    const m = await send(bob, 'my password is swordfish');
    const updates = record(alice, 'message:updated');
    const result = await http(world.url, 'POST', `/api/admin/rooms/${roomId}/remove-messages`, {
      token: world.adminToken,
      body: { contains: 'swordfish', replaceWith: '[removed]' },
    });
    expect(result.body).toEqual({ removed: 1 });
    await waitFor(() => updates.length === 1, 'message:updated after a rewrite');
    expect(updates[0]!.message).toMatchObject({ seq: m.seq, id: m.id, text: '[removed]', senderId: world.bob.id });
  });

  it('administrators’ removals are recorded in the export too, by whom', async () => {
    const m = await send(bob, 'clear me out');
    const { session } = await connectAs(world, { token: world.adminToken });
    await http(world.url, 'POST', `/api/admin/rooms/${roomId}/remove-messages`, { token: world.adminToken, body: { contains: 'clear me out' } });
    const exported = (await http<{ removed: { roomId: string; seq: number }[] }>(world.url, 'GET', '/api/admin/export', { token: world.adminToken })).body;
    const entry = exported.removed.find((r) => r.seq === m.seq && r.roomId === roomId);
    expect(entry).toEqual({ roomId, seq: m.seq, removedAt: expect.any(String) as string, removedBy: session.user.id });
  });
});

describe('messageEdits from the admin CLI', () => {
  let world: World;
  const cli = (args: string[]) => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PCHAT_')));
    const child = spawn(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(process.cwd(), 'server', 'admin', 'cli.ts'), ...args], {
      env: { ...inherited, PCHAT_SERVER: world.url, PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    return new Promise<{ code: number | null; out: string }>((resolve) => child.on('close', (code) => resolve({ code, out })));
  };

  beforeAll(async () => {
    world = await makeWorld();
  });
  afterAll(() => world.close());

  it('category add --no-message-edits, then set --message-edits; a user sees the switch', async () => {
    const added = await cli(['category', 'add', 'Records', '--no-message-edits', '--json']);
    expect(added.code, added.out).toBe(0);
    const category = JSON.parse(added.out) as { id: string; messageEdits: boolean };
    expect(category.messageEdits).toBe(false);
    const room = (await createRoom(world.url, world.adminToken, { name: 'Ledger', categoryId: category.id, privacy: 'open' })).id;
    const carol = await createUser(world.url, world.adminToken, 'carol');
    const { socket } = await connectAs(world, carol);
    const m = (await ok(socket, 'message:send', { roomId: room, clientId: 'x', text: 'fixed' })).message;
    expect(await code(request(socket, 'message:edit', { roomId: room, seq: m.seq, text: 'fixed?' }))).toBe('forbidden');

    const set = await cli(['category', 'set', 'Records', '--message-edits', '--json']);
    expect(set.code, set.out).toBe(0);
    expect((JSON.parse(set.out) as { messageEdits: boolean }).messageEdits).toBe(true);
    expect((await ok(socket, 'message:edit', { roomId: room, seq: m.seq, text: 'fixed!' })).message.text).toBe('fixed!');
    const listed = await http<{ id: string; messageEdits: boolean }[]>(world.url, 'GET', '/api/admin/categories', { token: world.adminToken });
    expect(listed.body.find((c) => c.id === category.id)?.messageEdits).toBe(true);
  });

  async function code(answer: Promise<{ ok: boolean; error?: { code: string } }>) {
    const a = await answer;
    return a.ok ? 'ok' : a.error!.code;
  }
});
