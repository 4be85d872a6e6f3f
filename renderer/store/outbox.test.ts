import { describe, expect, it } from 'vitest';
import { MAX_OUTBOX_ENTRIES, outboxAccount, type OutboxEntry } from '../../common/outbox';
import type { Ack, ClientEventResults, ClientRequest, Message } from '../../common/protocol';
import { createFakePlatform, type FakePlatform } from '../platform/fake';
import { connectedHarness, createHarness, settle, SERVER } from '../test-support/chat-harness';
import { alice, message, room, roster, sessionPayload } from '../test-support/fixtures';
import { createChatStore, type ChatStore } from './chat-store';
import { Outbox } from './outbox';
import { MAX_AUTO_ATTEMPTS, RETRY_MAX_MS } from './outbox-retry';
import { applyPending } from './reducers';
import type { Requester } from './requester';

type SendAck = Ack<ClientEventResults['message:send']> | null;
const ACCOUNT = outboxAccount(SERVER, alice.id);

function stored(clientId: string, seq: number, text = clientId): Message {
  return message(seq, { senderId: alice.id, senderName: alice.displayName, clientId, text });
}

/** An Outbox over a bare store, a fake platform, a scripted requester and hand-run timers. */
function rig(answer: (body: ClientRequest<'message:send'>) => SendAck) {
  const store: ChatStore = createChatStore();
  store.setState({ user: alice, status: 'connected', serverUrl: SERVER });
  const platform: FakePlatform = createFakePlatform();
  const sent: ClientRequest<'message:send'>[] = [];
  const savedAtSend: string[][] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const request = ((_event: string, body: ClientRequest<'message:send'>) => {
    sent.push(body);
    savedAtSend.push((platform.outboxes.get(ACCOUNT) ?? []).map((e) => e.clientId));
    return Promise.resolve(answer(body));
  }) as unknown as Requester;
  const outbox = new Outbox(store, platform, request, {
    now: () => new Date('2026-11-22T15:00:00.000Z'),
    random: () => 1,
    setTimer: (run, ms) => {
      const timer = { run, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
  });
  const add = async (clientId: string, text = clientId) => {
    store.setState((s) => applyPending(s, { clientId, roomId: 'r1', text, file: null, status: 'sending' }));
    await outbox.submit('r1', clientId);
    await settle();
  };
  const pending = () => store.getState().timelines.r1?.pending ?? [];
  return { store, platform, sent, savedAtSend, timers, outbox, add, pending };
}

describe('outbox', () => {
  it('saves a message before emitting it and forgets it once acknowledged', async () => {
    const r = rig((body) => ({ ok: true, message: stored(body.clientId, 1) }));
    await r.outbox.attach(SERVER, alice.id);
    await r.add('c1', 'hello');
    expect(r.sent).toEqual([{ roomId: 'r1', clientId: 'c1', text: 'hello' }]);
    expect(r.savedAtSend).toEqual([['c1']]);
    expect(r.platform.outboxes.has(ACCOUNT)).toBe(false);
    expect(r.pending()).toEqual([]);
    expect(r.store.getState().timelines.r1?.messages.map((m) => m.clientId)).toEqual(['c1']);
  });

  it('retries a transient failure with backoff, same clientId, until the ack', async () => {
    const answers: SendAck[] = [null, { ok: false, error: { code: 'rate_limited', message: '' } }];
    const r = rig((body) => (answers.length > 0 ? (answers.shift() as SendAck) : { ok: true, message: stored(body.clientId, 1) }));
    await r.outbox.attach(SERVER, alice.id);
    await r.add('c1');
    expect(r.pending()[0]).toMatchObject({ status: 'sending' });
    expect(r.timers.map((t) => t.ms)).toEqual([1_000]);
    expect(r.platform.outboxes.get(ACCOUNT)?.[0]).toMatchObject({ attempts: 1, lastError: 'timeout' });
    r.timers[0]?.run();
    await settle();
    expect(r.timers.map((t) => t.ms)).toEqual([1_000, 2_000]);
    r.timers[1]?.run();
    await settle();
    expect(r.sent.map((b) => b.clientId)).toEqual(['c1', 'c1', 'c1']);
    expect(r.pending()).toEqual([]);
    expect(r.platform.outboxes.has(ACCOUNT)).toBe(false);
    expect(r.store.getState().error).toBeNull();
  });

  it('stops at once on a permanent error: failed, with the error, kept for Retry or Discard', async () => {
    const r = rig(() => ({ ok: false, error: { code: 'room_disabled', message: '' } }));
    await r.outbox.attach(SERVER, alice.id);
    await r.add('c1');
    expect(r.sent).toHaveLength(1);
    expect(r.timers).toEqual([]);
    expect(r.pending()[0]).toMatchObject({ status: 'failed' });
    expect(r.platform.outboxes.get(ACCOUNT)?.[0]).toMatchObject({ status: 'failed', lastError: 'room_disabled' });
    expect(r.store.getState().error).toEqual({ key: 'errors.room_disabled' });
    r.outbox.discard('r1', 'c1');
    await settle();
    expect(r.pending()).toEqual([]);
    expect(r.platform.outboxes.has(ACCOUNT)).toBe(false);
  });

  it('gives up after MAX_AUTO_ATTEMPTS transient failures; Retry starts a fresh series', async () => {
    let ok = false;
    const r = rig((body) => (ok ? { ok: true, message: stored(body.clientId, 1) } : null));
    await r.outbox.attach(SERVER, alice.id);
    await r.add('c1');
    for (let i = 1; i < MAX_AUTO_ATTEMPTS; i += 1) {
      r.timers.shift()?.run();
      await settle();
    }
    expect(r.sent).toHaveLength(MAX_AUTO_ATTEMPTS);
    expect(r.timers).toEqual([]);
    expect(r.pending()[0]).toMatchObject({ status: 'failed' });
    for (const t of r.sent) expect(t.clientId).toBe('c1');
    ok = true;
    r.outbox.retry('r1', 'c1');
    await settle();
    expect(r.pending()).toEqual([]);
    expect(r.sent).toHaveLength(MAX_AUTO_ATTEMPTS + 1);
  });

  it('never waits longer than the cap between tries', async () => {
    const r = rig(() => null);
    await r.outbox.attach(SERVER, alice.id);
    await r.add('c1');
    for (let i = 1; i < MAX_AUTO_ATTEMPTS; i += 1) {
      r.timers.at(-1)?.run();
      await settle();
    }
    for (const timer of r.timers) expect(timer.ms).toBeLessThanOrEqual(RETRY_MAX_MS);
  });

  it('holds sends while disconnected and sends in written order on flush', async () => {
    const r = rig((body) => ({ ok: true, message: stored(body.clientId, Number(body.clientId.slice(1))) }));
    await r.outbox.attach(SERVER, alice.id);
    r.store.setState({ status: 'reconnecting' });
    await r.add('c1');
    await r.add('c2');
    expect(r.sent).toEqual([]);
    expect(r.platform.outboxes.get(ACCOUNT)?.map((e) => e.clientId)).toEqual(['c1', 'c2']);
    r.store.setState({ status: 'connected' });
    r.outbox.flush();
    await settle();
    expect(r.sent.map((b) => b.clientId)).toEqual(['c1', 'c2']);
  });

  it('settles an entry whose broadcast arrived even though its ack was lost', async () => {
    const r = rig(() => null);
    await r.outbox.attach(SERVER, alice.id);
    await r.add('c1');
    r.store.setState((s) => ({ timelines: { ...s.timelines, r1: { ...s.timelines.r1!, messages: [stored('c1', 4)] } } }));
    await settle();
    expect(r.platform.outboxes.has(ACCOUNT)).toBe(false);
    expect(r.timers).toEqual([]);
  });

  it('keeps one account from loading or sending another account\u2019s outbox', async () => {
    const r = rig((body) => ({ ok: true, message: stored(body.clientId, 1) }));
    const entry: OutboxEntry = { clientId: 'b1', roomId: 'r1', text: 'bob', file: null, status: 'sending' };
    r.platform.outboxes.set(outboxAccount(SERVER, 'u-bob'), [entry]);
    await r.outbox.attach(SERVER, alice.id);
    await settle();
    expect(r.sent).toEqual([]);
    expect(r.pending()).toEqual([]);
  });
  it('keeps saved entries first when a message is written while they are still loading', async () => {
    const r = rig((body) => ({ ok: true, message: stored(body.clientId, Number(body.clientId.slice(1))) }));
    const old: OutboxEntry = { clientId: 'c1', roomId: 'r1', text: 'old', file: null, status: 'sending', createdAt: '2026-11-20T00:00:00.000Z' };
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    Object.assign(r.platform.outbox, { load: () => gate.then(() => [old]) });
    const attached = r.outbox.attach(SERVER, alice.id);
    await r.add('c2', 'new');
    expect(r.sent).toEqual([]);
    expect(r.platform.outboxSaves).toEqual([]);
    release();
    await attached;
    await settle();
    expect(r.sent.map((b) => b.text)).toEqual(['old', 'new']);
    expect(r.platform.outboxSaves[0]?.entries.map((e) => e.clientId)).toEqual(['c1', 'c2']);
  });

  it('saves at most MAX_OUTBOX_ENTRIES, keeping the newest', async () => {
    const r = rig(() => null);
    const many: OutboxEntry[] = Array.from({ length: MAX_OUTBOX_ENTRIES }, (_, i) => ({
      clientId: `old${i}`,
      roomId: 'r1',
      text: `old ${i}`,
      file: null,
      status: 'failed',
      createdAt: `2026-11-20T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`,
    }));
    r.platform.outboxes.set(ACCOUNT, many);
    await r.outbox.attach(SERVER, alice.id);
    await r.add('fresh');
    const saved = r.platform.outboxes.get(ACCOUNT) ?? [];
    expect(saved).toHaveLength(MAX_OUTBOX_ENTRIES);
    expect(saved.at(-1)?.clientId).toBe('fresh');
  });

  it('starts empty, and still sends, when the saved outbox cannot be read', async () => {
    const r = rig((body) => ({ ok: true, message: stored(body.clientId, 1) }));
    Object.assign(r.platform.outbox, { load: () => Promise.reject(new Error('ipc_forbidden')) });
    await r.outbox.attach(SERVER, alice.id);
    await r.add('c1');
    expect(r.sent.map((b) => b.clientId)).toEqual(['c1']);
  });
});

describe('outbox across a restart (ChatClient)', () => {
  it('shows saved messages as pending after a restart and resends them, oldest first, same clientId', async () => {
    const first = await connectedHarness();
    first.socket.answer('room:join', () => ({ ok: true, room: room(), messages: [], hasMore: false, roster: roster() }));
    await first.client.openRoom('r1');
    first.store.setState({ status: 'reconnecting' });
    first.client.send('r1', 'one');
    first.client.send('r1', 'two');
    await settle();
    expect(first.socket.sentOf('message:send')).toEqual([]);

    // The restart: a new client and store over the same platform (same IndexedDB / electron-store).
    const second = createHarness();
    Object.assign(second.platform, { outboxes: first.platform.outboxes, outbox: first.platform.outbox });
    await second.client.start();
    let seq = 0;
    second.socket.answer('message:send', (body) => ({ ok: true, message: stored(body.clientId, ++seq, body.text) }));
    second.socket.push('session', sessionPayload);
    await settle();
    expect(second.store.getState().timelines.r1?.pending.map((p) => p.text)).toEqual(['one', 'two']);
    second.socket.connect();
    await settle();
    expect(second.socket.sentOf('message:send').map((b) => [b.clientId, b.text])).toEqual([
      ['client-1', 'one'],
      ['client-2', 'two'],
    ]);
    expect(second.store.getState().timelines.r1?.pending).toEqual([]);
    expect(first.platform.outboxes.size).toBe(0);
  });
});
