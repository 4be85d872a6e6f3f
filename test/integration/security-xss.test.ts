// Message text and display names are data, never markup: the server stores and returns hostile
// strings verbatim (trimmed, nothing escaped, stripped or "sanitised" into something else) on
// every path a client reads them from. Rendering them inertly is the client's job (the e2e
// test/e2e/xss.spec.ts); a server that rewrote them would hide bugs there and corrupt data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, http } from './helpers/http-client';
import { type ClientSocket, connect, ok, record, waitFor } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';
import { LONG_WORD, XSS_CORPUS } from './helpers/xss-corpus';

describe('hostile text is stored and returned verbatim', () => {
  let world: World;
  let reader: ClientSocket;

  beforeAll(async () => {
    world = await makeWorld();
    reader = (await connectAs(world, world.bob)).socket;
    await ok(reader, 'room:join', { roomId: world.room.id });
  });
  afterAll(async () => {
    await world.close();
  });

  it('keeps message text exactly as sent on send, broadcast, catch-up, history, search and export', async () => {
    const { socket } = await connectAs(world, world.alice);
    const live = record(reader, 'message:new');
    const texts = [...XSS_CORPUS, LONG_WORD, `  ${XSS_CORPUS[0]!}\n`];
    const acked: string[] = [];
    for (const [i, text] of texts.entries()) {
      acked.push((await ok(socket, 'message:send', { roomId: world.room.id, clientId: `xss-${i}`, text })).message.text);
    }
    // Trimming (§9.9) is the only change the server makes.
    const expected = texts.map((t) => t.trim());
    expect(acked).toEqual(expected);
    await waitFor(() => live.length === texts.length, 'broadcasts');
    expect(live.map((e) => e.message.text)).toEqual(expected);
    expect((await ok(reader, 'messages:since', { roomId: world.room.id, afterSeq: 0 })).messages.map((m) => m.text)).toEqual(expected);
    expect((await ok(reader, 'room:history', { roomId: world.room.id, beforeSeq: 1000, limit: 200 })).messages.map((m) => m.text)).toEqual(expected);
    const hits = await ok(reader, 'search', { query: 'onerror', roomId: world.room.id });
    expect(hits.hits.map((h) => h.message.text)).toContain(XSS_CORPUS[0]);
    const exported = await http(world.url, 'GET', '/api/admin/export', { token: world.adminToken });
    expect(exported.status).toBe(200);
    expect((exported.body.messages as { text: string }[]).map((m) => m.text)).toEqual(expected);
    // JSON is the only encoding on the wire: the raw body holds the JSON-escaped text, no HTML entities.
    expect(exported.headers.get('content-type')).toContain('application/json');
  });

  it('keeps hostile display names exactly as given, wherever a user is shown', async () => {
    for (const [i, displayName] of XSS_CORPUS.entries()) {
      const name = `hostile${i}`;
      const created = await http(world.url, 'POST', '/api/admin/users', { token: world.adminToken, body: { name, displayName, password: 'pw-123456' } });
      expect(created.status).toBe(201);
      expect(created.body.displayName).toBe(displayName.trim());
    }
    const session = await createUser(world.url, world.adminToken, 'plain');
    const renamed = await http(world.url, 'GET', '/api/admin/users', { token: world.adminToken });
    const byName = new Map((renamed.body as { name: string; displayName: string }[]).map((u) => [u.name, u.displayName]));
    XSS_CORPUS.forEach((displayName, i) => expect(byName.get(`hostile${i}`)).toBe(displayName.trim()));

    // A hostile name as the sender: in the session event, the message, and the roster.
    const signedIn = await http(world.url, 'POST', '/api/session', { body: { user: 'hostile0', password: 'pw-123456' } });
    const { socket, session: hello } = await connect(world.url, signedIn.body.token as string);
    expect(hello.user.displayName).toBe(XSS_CORPUS[0]);
    const joined = await ok(socket, 'room:join', { roomId: world.room.id });
    expect(joined.roster.participants?.map((p) => p.displayName)).toContain(XSS_CORPUS[0]);
    const sent = await ok(socket, 'message:send', { roomId: world.room.id, clientId: 'from-hostile', text: 'hello' });
    expect(sent.message.senderName).toBe(XSS_CORPUS[0]);
    const seen = await ok(reader, 'messages:since', { roomId: world.room.id, afterSeq: sent.message.seq - 1 });
    expect(seen.messages[0]?.senderName).toBe(XSS_CORPUS[0]);
    expect(session.user.displayName).toBe('Plain');
  });
});
