import { describe, expect, it } from 'vitest';
import { deferred } from '../test-support/fake-socket';
import { alice, message, messages, room, roster, sessionPayload } from '../test-support/fixtures';
import { connectedHarness, createHarness, settle, SERVER } from '../test-support/chat-harness';
import type { Ack, ClientEventResults } from '../../common/protocol';

function joinAnswer(list = messages(11, 20), hasMore = true) {
  return { ok: true as const, room: room(), messages: list, hasMore, roster: roster() };
}

describe('session', () => {
  it('reopens a stored session and lists the rooms', async () => {
    const h = await connectedHarness();
    const state = h.store.getState();
    expect(state.status).toBe('connected');
    expect(state.user?.displayName).toBe('Alice Martin');
    expect(state.rooms.map((r) => r.name)).toEqual(['Desk']);
  });

  it('shows the sign-in form when no token is stored', async () => {
    const h = createHarness({ token: null });
    await h.client.start();
    expect(h.store.getState().status).toBe('signed-out');
    expect(h.sockets).toHaveLength(0);
  });

  it('signs in over HTTP, keeps the token and connects with it', async () => {
    const h = createHarness({
      token: null,
      fetch: () => Promise.resolve(Response.json({ token: 'fresh', user: alice })),
    });
    await h.client.start();
    await h.client.signIn('pchat.test/', 'alice', 'pw');
    expect(h.fetchCalls[0]?.url).toBe(`${SERVER}/api/session`);
    expect(JSON.parse(h.fetchCalls[0]?.init?.body as string)).toEqual({ user: 'alice', password: 'pw' });
    expect(h.platform.tokens.get(SERVER)).toBe('fresh');
    expect(h.store.getState().status).toBe('connecting');
    expect(h.sockets).toHaveLength(1);
  });

  it('says "wrong user name or password" on 401 and "unreachable" when fetch fails', async () => {
    const wrong = createHarness({
      token: null,
      fetch: () => Promise.resolve(Response.json({ error: { code: 'bad_credentials' } }, { status: 401 })),
    });
    await wrong.client.signIn(SERVER, 'alice', 'nope');
    expect(wrong.store.getState().error).toEqual({ key: 'errors.bad_credentials' });
    expect(wrong.store.getState().status).toBe('signed-out');

    const down = createHarness({ token: null, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await down.client.signIn(SERVER, 'alice', 'pw');
    expect(down.store.getState().error).toEqual({ key: 'errors.unreachable', params: { server: SERVER } });
  });

  it('drops a token the server refuses and asks to sign in again', async () => {
    const h = createHarness();
    await h.client.start();
    h.socket.refuse('unauthorized');
    await settle();
    expect(h.store.getState().status).toBe('signed-out');
    expect(h.store.getState().error?.key).toBe('errors.session_ended');
    expect(h.platform.tokens.has(SERVER)).toBe(false);
  });

  it('signs out: DELETE /api/session, token forgotten, socket closed', async () => {
    const h = await connectedHarness();
    const socket = h.socket;
    await h.client.signOut();
    expect(h.fetchCalls.at(-1)?.url).toBe(`${SERVER}/api/session`);
    expect(h.fetchCalls.at(-1)?.init?.method).toBe('DELETE');
    expect(socket.closed).toBe(true);
    expect(h.platform.tokens.has(SERVER)).toBe(false);
    expect(h.store.getState().rooms).toEqual([]);
  });
});

describe('history', () => {
  it('shows exactly the join window, and replaces it on a fresh join', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:join', () => joinAnswer());
    await h.client.openRoom('r1');
    expect(h.store.getState().timelines.r1?.messages.map((m) => m.seq)).toEqual(messages(11, 20).map((m) => m.seq));
    expect(h.store.getState().rosters.r1?.count).toBe(2);
  });

  it('loads older pages before the oldest seq with limit = defaultChatHistory, live config included', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:join', () => joinAnswer());
    h.socket.answer('room:history', ({ beforeSeq, limit }) => ({
      ok: true,
      messages: messages(Math.max(1, beforeSeq - limit), beforeSeq - 1),
      hasMore: beforeSeq - limit > 1,
    }));
    await h.client.openRoom('r1');
    h.socket.push('config:updated', { config: { ...sessionPayload.config, defaultChatHistory: 4 } });
    await h.client.loadOlder('r1');
    expect(h.socket.sentOf('room:history')).toEqual([{ roomId: 'r1', beforeSeq: 11, limit: 4 }]);
    const timeline = h.store.getState().timelines.r1!;
    expect(timeline.messages[0]?.seq).toBe(7);
    expect(timeline.messages).toHaveLength(14);
    expect(timeline.hasMore).toBe(true);
  });

  it('catches up the gap after a reconnect with messages:since', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:join', () => joinAnswer(messages(11, 20)));
    await h.client.openRoom('r1');
    h.socket.drop();
    expect(h.store.getState().status).toBe('reconnecting');
    h.socket.answer('room:join', () => joinAnswer(messages(31, 40)));
    h.socket.answer('messages:since', ({ afterSeq }) => ({ ok: true, messages: messages(afterSeq + 1, 35), hasMore: false }));
    h.socket.connect();
    await settle();
    expect(h.socket.sentOf('messages:since')).toEqual([{ roomId: 'r1', afterSeq: 20 }]);
    const seqs = h.store.getState().timelines.r1!.messages.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => 11 + i));
  });
});

describe('sending', () => {
  it('shows a pending message, then exactly one stored copy whichever of ack and broadcast comes first', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:join', () => joinAnswer(messages(1, 2), false));
    await h.client.openRoom('r1');
    const ack = deferred<Ack<ClientEventResults['message:send']>>();
    h.socket.answer('message:send', () => ack.promise);
    expect(h.client.send('r1', '  hello  ')).toBe(true);
    await settle();
    expect(h.socket.sentOf('message:send')).toEqual([{ roomId: 'r1', clientId: 'client-1', text: 'hello' }]);
    expect(h.store.getState().timelines.r1!.pending).toMatchObject([{ text: 'hello', status: 'sending' }]);

    const stored = message(3, { senderId: alice.id, senderName: alice.displayName, clientId: 'client-1', text: 'hello' });
    h.socket.push('message:new', { message: stored });
    ack.resolve({ ok: true, message: stored });
    await settle();
    const timeline = h.store.getState().timelines.r1!;
    expect(timeline.pending).toEqual([]);
    expect(timeline.messages.filter((m) => m.text === 'hello')).toHaveLength(1);
  });

  it('marks a refused send as not sent, alerts, and retries with the same clientId', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:join', () => joinAnswer([], false));
    await h.client.openRoom('r1');
    // A refusal another try cannot fix (rate_limited would be retried by the outbox on its own).
    h.socket.answer('message:send', () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    h.client.send('r1', 'hi');
    await settle();
    expect(h.store.getState().timelines.r1!.pending[0]?.status).toBe('failed');
    expect(h.store.getState().error).toEqual({ key: 'errors.forbidden' });
    h.socket.answer('message:send', ({ clientId }) => ({
      ok: true,
      message: message(1, { senderId: alice.id, clientId, text: 'hi' }),
    }));
    h.client.retry('r1', 'client-1');
    await settle();
    expect(h.socket.sentOf('message:send').map((b) => b.clientId)).toEqual(['client-1', 'client-1']);
    expect(h.store.getState().timelines.r1!.pending).toEqual([]);
  });

  it('refuses blank and over-long text locally', async () => {
    const h = await connectedHarness();
    h.socket.push('config:updated', { config: { ...sessionPayload.config, maxMessageChars: 5 } });
    expect(h.client.send('r1', '   ')).toBe(false);
    expect(h.client.send('r1', '123456')).toBe(false);
    expect(h.store.getState().error?.key).toBe('composer.tooLong');
    expect(h.socket.sentOf('message:send')).toEqual([]);
  });
});

describe('server-driven changes', () => {
  it('keeps the roster exactly as the server sends it, truncated included', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:join', () => joinAnswer());
    await h.client.openRoom('r1');
    h.socket.push('roster:update', roster({ count: 80, truncated: true, participants: null }));
    expect(h.store.getState().rosters.r1).toMatchObject({ count: 80, truncated: true, participants: null });
  });

  it('closes the open room with an explanation when it is removed or disabled', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:join', () => joinAnswer());
    await h.client.openRoom('r1');
    h.socket.push('room:updated', { room: room({ disabled: true }) });
    expect(h.store.getState().activeRoomId).toBeNull();
    expect(h.store.getState().closedNotice).toEqual({ roomName: 'Desk', reason: 'disabled' });
    expect(h.store.getState().rooms[0]?.disabled).toBe(true);

    h.socket.push('room:removed', { roomId: 'r1' });
    expect(h.store.getState().rooms).toEqual([]);
  });

  it('refuses a file over maxFileSizeKB before any request', async () => {
    let uploads = 0;
    const h = await connectedHarness({
      upload: () => {
        uploads += 1;
        return { done: Promise.resolve({ ok: false, cancelled: true }), cancel: () => undefined };
      },
    });
    h.socket.push('config:updated', { config: { ...sessionPayload.config, maxFileSizeKB: 1 } });
    await h.client.attachFile('r1', new File([new Uint8Array(1025)], 'big.bin'));
    expect(uploads).toBe(0);
    expect(h.store.getState().error).toMatchObject({ key: 'files.tooLarge', params: { limitKB: 1, name: 'big.bin' } });
    await h.client.attachFile('r1', new File([new Uint8Array(1024)], 'ok.bin'));
    expect(uploads).toBe(1);
  });
});

describe('search', () => {
  it('sends the query (scoped or not), keeps only the latest answer, and closes when a room opens', async () => {
    const h = await connectedHarness();
    const slow = deferred<Ack<ClientEventResults['search']>>();
    h.socket.answer('search', ({ query }) =>
      query === 'old' ? slow.promise : { ok: true, hits: [{ message: message(5, { text: 'new hit' }), roomName: 'Desk' }] },
    );
    const first = h.client.search('old', null);
    await h.client.search('  new ', 'r1');
    slow.resolve({ ok: true, hits: [] });
    await first;
    expect(h.socket.sentOf('search')).toEqual([{ query: 'old' }, { query: 'new', roomId: 'r1' }]);
    expect(h.store.getState().search).toMatchObject({ query: 'new', roomId: 'r1', status: 'done' });
    expect(h.store.getState().search?.hits).toHaveLength(1);
    h.socket.answer('room:join', () => joinAnswer());
    await h.client.openRoom('r1');
    expect(h.store.getState().search).toBeNull();
  });
});
