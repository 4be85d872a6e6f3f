// PROTOCOL §11 edit, delete, reply and seek against a real server (SQLite, or PostgreSQL with
// PCHAT_TEST_POSTGRES_URL): who may do what, the pushes joined sockets get, and what history,
// catch-up, search, files and the compliance export show afterwards.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { createCategory, createRoom, createUser, http } from './helpers/http-client';
import { type ClientSocket, ok, record, request, settle, waitFor } from './helpers/socket-client';
import { upload } from './helpers/upload';
import { type World, connectAs, makeWorld } from './helpers/world';

/** What the compliance export says of messages (§7, §11), as far as these tests read it. */
interface ExportBody {
  messages: (Message & { edits: { text: string; editedAt: string }[] })[];
  removed: { roomId: string; seq: number; removedAt: string; removedBy: string }[];
}

describe('message actions (§11): edit, delete, reply, seek', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let carol: ClientSocket;
  let carolId: string;
  let roomId: string;
  let n = 0;

  const send = async (socket: ClientSocket, text: string, extra: { replyToSeq?: number; fileId?: string; room?: string } = {}) => {
    const { room = roomId, ...rest } = extra;
    return (await ok(socket, 'message:send', { roomId: room, clientId: `c${++n}`, text, ...rest })).message;
  };
  const code = async (answer: Promise<{ ok: boolean; error?: { code: string } }>) => {
    const a = await answer;
    return a.ok ? 'ok' : a.error!.code;
  };
  const history = async (socket: ClientSocket, room = roomId) => (await ok(socket, 'messages:since', { roomId: room, afterSeq: 0 })).messages;
  const exported = async () => (await http<ExportBody>(world.url, 'GET', '/api/admin/export', { token: world.adminToken })).body;

  beforeAll(async () => {
    world = await makeWorld();
    const c = await createUser(world.url, world.adminToken, 'carol');
    carolId = c.user.id;
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
    carol = (await connectAs(world, c)).socket;
    // carol manages this room; alice and bob are plain members.
    roomId = (await createRoom(world.url, world.adminToken, { name: 'Desk', categoryId: world.category.id, privacy: 'open', managers: ['carol'] })).id;
    for (const s of [alice, bob, carol]) await ok(s, 'room:join', { roomId });
  });
  afterAll(() => world.close());

  describe('edit', () => {
    it('the sender edits: the ack and every joined socket carry the new text and editedAt', async () => {
      const original = await send(alice, 'teh quick fox');
      expect(original).toMatchObject({ editedAt: null, replyTo: null, reactions: [] });
      const updates = record(bob, 'message:updated');
      const edited = (await ok(alice, 'message:edit', { roomId, seq: original.seq, text: '  the quick fox  ' })).message;
      expect(edited).toMatchObject({ seq: original.seq, id: original.id, text: 'the quick fox', createdAt: original.createdAt });
      expect(Date.parse(edited.editedAt!)).toBeGreaterThanOrEqual(Date.parse(original.createdAt));
      await waitFor(() => updates.length === 1, 'message:updated');
      expect(updates[0]!.message).toEqual(edited);
      // History, the join snapshot and search read the stored edit.
      expect((await history(bob)).find((m) => m.seq === original.seq)).toEqual(edited);
      expect((await ok(bob, 'room:join', { roomId })).messages.find((m) => m.seq === original.seq)?.editedAt).toBe(edited.editedAt);
      expect((await ok(bob, 'search', { query: 'the quick', roomId })).hits.map((h) => h.message.seq)).toContain(original.seq);
      expect((await ok(bob, 'search', { query: 'teh', roomId })).hits).toEqual([]);
    });

    it('the compliance export keeps every earlier text, oldest first', async () => {
      const m = await send(alice, 'version one');
      const two = (await ok(alice, 'message:edit', { roomId, seq: m.seq, text: 'version two' })).message;
      const three = (await ok(alice, 'message:edit', { roomId, seq: m.seq, text: 'version three' })).message;
      const found = (await exported()).messages.find((x) => x.id === m.id)!;
      expect(found.text).toBe('version three');
      expect(found.editedAt).toBe(three.editedAt);
      expect(found.edits).toEqual([
        { text: 'version one', editedAt: two.editedAt },
        { text: 'version two', editedAt: three.editedAt },
      ]);
      // An unedited message says so with an empty list.
      const plain = await send(alice, 'never edited');
      expect((await exported()).messages.find((x) => x.id === plain.id)?.edits).toEqual([]);
    });

    it('only the sender: anyone else, a manager and an administrator included, is forbidden', async () => {
      const m = await send(alice, 'mine');
      expect(await code(request(bob, 'message:edit', { roomId, seq: m.seq, text: 'yours' }))).toBe('forbidden');
      expect(await code(request(carol, 'message:edit', { roomId, seq: m.seq, text: 'managed' }))).toBe('forbidden');
      const { socket: admin } = await connectAs(world, { token: world.adminToken });
      expect(await code(request(admin, 'message:edit', { roomId, seq: m.seq, text: 'admin' }))).toBe('forbidden');
      expect((await history(alice)).find((x) => x.seq === m.seq)?.text).toBe('mine');
    });

    it('the text rules of a send: blank, too long, unpaired surrogates and NUL are bad_request, nothing changes', async () => {
      const m = await send(alice, 'keep me');
      const put = await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { maxMessageChars: 10 } });
      expect(put.status).toBe(200);
      try {
        for (const text of ['   ', 'x'.repeat(11), 'bad \uD800 half', 'nul\u0000']) {
          expect(await code(request(alice, 'message:edit', { roomId, seq: m.seq, text }))).toBe('bad_request');
        }
        // Exactly the limit in code points passes.
        expect((await ok(alice, 'message:edit', { roomId, seq: m.seq, text: '😀'.repeat(10) })).message.text).toBe('😀'.repeat(10));
      } finally {
        await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { maxMessageChars: null } });
      }
    });

    it('a missing message is not_found; a malformed request is bad_request', async () => {
      expect(await code(request(alice, 'message:edit', { roomId, seq: 99_999, text: 'x' }))).toBe('not_found');
      expect(await code(request(alice, 'message:edit', { roomId: 'no-such-room', seq: 1, text: 'x' }))).toBe('not_found');
      expect(await code(request(alice, 'message:edit', { roomId, seq: 0, text: 'x' }))).toBe('bad_request');
    });

    it('where the category turns edits off the sender is forbidden to edit or delete; turning them on again applies at once', async () => {
      const strict = await createCategory(world.url, world.adminToken, { name: 'Strict', messageEdits: false });
      expect(strict.messageEdits).toBe(false);
      const room = (await createRoom(world.url, world.adminToken, { name: 'Record', categoryId: strict.id, privacy: 'open', managers: ['carol'] })).id;
      expect((await ok(alice, 'room:join', { roomId: room })).room.messageEdits).toBe(false);
      const m = await send(alice, 'on the record', { room });
      expect(await code(request(alice, 'message:edit', { roomId: room, seq: m.seq, text: 'off' }))).toBe('forbidden');
      expect(await code(request(alice, 'message:delete', { roomId: room, seq: m.seq }))).toBe('forbidden');
      // The room's manager still deletes (below, with a second message); the setting is live.
      const patched = await http(world.url, 'PATCH', `/api/admin/categories/${strict.id}`, { token: world.adminToken, body: { messageEdits: true } });
      expect(patched.body.messageEdits).toBe(true);
      expect((await ok(alice, 'message:edit', { roomId: room, seq: m.seq, text: 'off after all' })).message.text).toBe('off after all');
      await http(world.url, 'PATCH', `/api/admin/categories/${strict.id}`, { token: world.adminToken, body: { messageEdits: false } });
      const other = await send(alice, 'a manager may take this away', { room });
      await ok(carol, 'message:delete', { roomId: room, seq: other.seq });
      expect((await history(alice, room)).map((x) => x.seq)).toEqual([m.seq]);
    });

    it('categories default to messageEdits on', () => {
      expect(world.category.messageEdits).toBe(true);
    });
  });

  describe('delete', () => {
    it('the sender deletes: joined sockets get message:removed and it leaves history, catch-up, join and search', async () => {
      const m = await send(alice, 'regrettable zebra');
      const removed = record(bob, 'message:removed');
      expect(await ok(alice, 'message:delete', { roomId, seq: m.seq })).toEqual({ ok: true });
      await waitFor(() => removed.length === 1, 'message:removed');
      expect(removed[0]).toEqual({ roomId, seq: m.seq });
      expect((await history(bob)).some((x) => x.seq === m.seq)).toBe(false);
      expect((await ok(bob, 'room:join', { roomId })).messages.some((x) => x.seq === m.seq)).toBe(false);
      expect((await ok(bob, 'room:history', { roomId, beforeSeq: m.seq + 1, limit: 5 })).messages.some((x) => x.seq === m.seq)).toBe(false);
      expect((await ok(bob, 'search', { query: 'zebra' })).hits).toEqual([]);
      // Gone is gone: a second delete, an edit or a reaction finds nothing.
      expect(await code(request(alice, 'message:delete', { roomId, seq: m.seq }))).toBe('not_found');
      expect(await code(request(alice, 'message:edit', { roomId, seq: m.seq, text: 'x' }))).toBe('not_found');
      expect(await code(request(alice, 'message:react', { roomId, seq: m.seq, emoji: '👍', on: true }))).toBe('not_found');
    });

    it('someone else is forbidden; the room manager and an administrator may; the export records each removal', async () => {
      const a = await send(alice, 'first');
      const b = await send(alice, 'second');
      expect(await code(request(bob, 'message:delete', { roomId, seq: a.seq }))).toBe('forbidden');
      await ok(carol, 'message:delete', { roomId, seq: a.seq });
      const { socket: admin, session } = await connectAs(world, { token: world.adminToken });
      await ok(admin, 'message:delete', { roomId, seq: b.seq });
      const { removed } = await exported();
      expect(removed).toEqual(
        expect.arrayContaining([
          { roomId, seq: a.seq, removedAt: expect.any(String) as string, removedBy: carolId },
          { roomId, seq: b.seq, removedAt: expect.any(String) as string, removedBy: session.user.id },
        ]),
      );
      const ours = removed.filter((r) => r.seq === a.seq || r.seq === b.seq);
      expect(Date.parse(ours[1]!.removedAt)).toBeGreaterThanOrEqual(Date.parse(ours[0]!.removedAt));
      expect((await exported()).messages.some((x) => x.id === a.id || x.id === b.id)).toBe(false);
    });

    it('takes its attachment with it: the file answers 404 and its bytes are gone', async () => {
      const up = await upload(world.url, roomId, world.alice.token, new Uint8Array(32).fill(0x62), 'note.txt', 'text/plain');
      expect(up.status).toBe(201);
      const fileId = String(up.body.fileId);
      const m = await send(alice, 'with a file', { fileId });
      const files = () => readdir(join(world.server.dataDir, 'files'));
      expect(await files()).toContain(fileId);
      await ok(alice, 'message:delete', { roomId, seq: m.seq });
      expect((await http(world.url, 'GET', `/api/files/${fileId}`, { token: world.alice.token })).status).toBe(404);
      expect(await files()).not.toContain(fileId);
    });
  });

  describe('reply', () => {
    it('a reply carries the sender name and the first 200 code points of the original, as it was', async () => {
      const long = `${'😀'.repeat(150)}${'a'.repeat(100)}`;
      const original = await send(bob, long);
      const reply = await send(alice, 'answering', { replyToSeq: original.seq });
      expect(reply.replyTo).toEqual({ seq: original.seq, senderName: 'Bob', text: `${'😀'.repeat(150)}${'a'.repeat(50)}` });
      // Later edits (and even removal) of the original leave the snapshot as sent.
      await ok(bob, 'message:edit', { roomId, seq: original.seq, text: 'changed my mind' });
      await ok(bob, 'message:delete', { roomId, seq: original.seq });
      const stored = (await history(alice)).find((m) => m.seq === reply.seq);
      expect(stored?.replyTo).toEqual(reply.replyTo);
      expect((await ok(alice, 'search', { query: 'answering', roomId })).hits[0]?.message.replyTo).toEqual(reply.replyTo);
      // Sends stay idempotent: resending the reply after its original is gone returns the stored copy.
      const again = await ok(alice, 'message:send', { roomId, clientId: reply.clientId, text: 'answering', replyToSeq: original.seq });
      expect(again.message).toEqual(stored);
    });

    it('replyToSeq must name a message of the same room: otherwise bad_request and nothing is stored', async () => {
      const fresh = (await createRoom(world.url, world.adminToken, { name: 'Fresh', categoryId: world.category.id, privacy: 'open' })).id;
      await ok(bob, 'room:join', { roomId: fresh });
      await send(alice, 'only one here', { room: fresh });
      // The lobby has a seq 3; this room does not.
      for (let i = 0; i < 3; i++) await send(alice, `lobby ${i}`, { room: world.room.id });
      const news = record(bob, 'message:new');
      for (const replyToSeq of [3, 99_999]) {
        expect(await code(request(alice, 'message:send', { roomId: fresh, clientId: `bad-${replyToSeq}`, text: 'orphan', replyToSeq }))).toBe('bad_request');
      }
      expect(await code(request(alice, 'message:send', { roomId: fresh, clientId: 'bad-0', text: 'orphan', replyToSeq: 0 }))).toBe('bad_request');
      await settle();
      expect(news).toEqual([]);
      expect((await history(alice, fresh)).map((m) => m.text)).toEqual(['only one here']);
    });
  });

  describe('seek', () => {
    it('answers the first message at or after the date, else the last seq, and 0 in an empty room', async () => {
      const room = (await createRoom(world.url, world.adminToken, { name: 'Timeline', categoryId: world.category.id, privacy: 'open' })).id;
      expect((await ok(bob, 'messages:seek', { roomId: room, date: '2020-01-01' })).seq).toBe(0);
      const sent: Message[] = [];
      for (let i = 0; i < 3; i++) {
        sent.push(await send(alice, `t${i}`, { room }));
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      const [first, second, third] = sent as [Message, Message, Message];
      const seek = async (date: string) => (await ok(bob, 'messages:seek', { roomId: room, date })).seq;
      expect(await seek('2020-01-01')).toBe(first.seq);
      expect(await seek(second.createdAt)).toBe(second.seq);
      expect(await seek(new Date(Date.parse(second.createdAt) - 1).toISOString())).toBe(second.seq);
      expect(await seek(new Date(Date.parse(second.createdAt) + 1).toISOString())).toBe(third.seq);
      expect(await seek('2999-01-01T00:00:00+02:00')).toBe(third.seq);
      // The last seq of what is there: a removed last message is not it.
      await ok(alice, 'message:delete', { roomId: room, seq: third.seq });
      expect(await seek('2999-01-01')).toBe(second.seq);
    });

    it('needs the right to read history; a date that is not ISO is bad_request', async () => {
      const off = await createCategory(world.url, world.adminToken, { name: 'Ephemeral', chatHistory: false });
      const room = (await createRoom(world.url, world.adminToken, { name: 'Gone', categoryId: off.id, privacy: 'open' })).id;
      expect(await code(request(bob, 'messages:seek', { roomId: room, date: '2020-01-01' }))).toBe('history_disabled');
      const closed = (await createRoom(world.url, world.adminToken, { name: 'Closed', categoryId: world.category.id, privacy: 'closed' })).id;
      expect(await code(request(bob, 'messages:seek', { roomId: closed, date: '2020-01-01' }))).toBe('forbidden');
      expect(await code(request(bob, 'messages:seek', { roomId, date: 'last tuesday' }))).toBe('bad_request');
    });
  });
});
