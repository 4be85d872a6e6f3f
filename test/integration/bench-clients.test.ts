// The benchmarks' simulated clients against a real pchat server on loopback: the wire-level build
// (bench/support/wire-client.ts, engine.io/socket.io v4 text frames over ws) and the
// socket.io-client build (real-client.ts) must behave the same, since benchmarks compare servers
// with either. Each scenario runs with both; the last block checks pings and a server-side drop
// against a plain socket.io server.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEventName, Message, RoomDetail, SessionResponse } from '../../common/protocol';
import type { SimulatedClient, Via } from '../../bench/support/client-behaviour';
import { type ClientKind, createClient } from '../../bench/support/client-kind';
import { ackId, socketEndpoint } from '../../bench/support/wire-client';
import { createCategory, createRoom, createUser, http, signInAdmin } from './helpers/http-client';
import { settle, waitFor } from './helpers/socket-client';
import { type TestServer, startTestServer } from './helpers/test-server';

const JOIN_WINDOW = 5;

describe('wire frame helpers', () => {
  it('builds the websocket endpoint and reads ack ids', () => {
    expect(socketEndpoint('http://127.0.0.1:4100')).toBe('ws://127.0.0.1:4100/socket.io/?EIO=4&transport=websocket');
    expect(socketEndpoint('https://chat.example/')).toBe('wss://chat.example/socket.io/?EIO=4&transport=websocket');
    expect(ackId('43127[{"ok":true}]')).toEqual({ id: 127, jsonAt: 5 });
    expect(ackId('43[{"ok":true}]')).toBeUndefined();
  });
});

describe.each<ClientKind>(['wire', 'socket.io'])('bench client (%s) against a real server', (kind) => {
  let server: TestServer;
  let adminToken: string;
  let alice: SessionResponse;
  let bob: SessionResponse;
  let categoryId: string;
  const clients: SimulatedClient[] = [];

  const client = (session: SessionResponse, options: { focused?: boolean; ackTimeoutMs?: number; onMessage?: (m: Message, via: Via) => void } = {}) => {
    const made = createClient(kind, { url: server.url, session, ...options });
    clients.push(made);
    return made;
  };
  const newRoom = (name: string): Promise<RoomDetail> => createRoom(server.url, adminToken, { name, categoryId, privacy: 'open' });

  beforeAll(async () => {
    server = await startTestServer();
    adminToken = (await signInAdmin(server.url)).token;
    alice = await createUser(server.url, adminToken, `alice${kind === 'wire' ? 'w' : 's'}`);
    bob = await createUser(server.url, adminToken, `bob${kind === 'wire' ? 'w' : 's'}`);
    categoryId = (await createCategory(server.url, adminToken, { name: 'Bench' })).id;
    // A short join window, so a reconnect that missed more than it must use messages:since.
    const config = await http(server.url, 'PUT', '/api/admin/config/global', { token: adminToken, body: { defaultChatHistory: JOIN_WINDOW } });
    expect(config.status).toBe(200);
  });
  afterAll(async () => {
    for (const made of clients) made.close();
    await server.close();
  });

  it('connects, lists rooms, joins, gets each message live and marks it read', async () => {
    const room = await newRoom(`Live ${kind}`);
    const heard: [number, Via][] = [];
    const receiver = client(bob, { onMessage: (m, via) => heard.push([m.seq, via]) });
    await receiver.connect();
    const joined = await receiver.open(room.id);
    expect(joined.room.id).toBe(room.id);
    expect(joined.messages).toEqual([]);

    const sender = client(alice, { focused: false });
    await sender.connect();
    const seqs: number[] = [];
    for (const n of [1, 2, 3]) seqs.push((await sender.send(room.id, `hello ${n}`, `live-${kind}-${n}`)).message.seq);
    await waitFor(() => heard.length === 3, 'three live deliveries');
    expect(heard).toEqual(seqs.map((seq) => [seq, 'live']));
    expect(receiver.lastSeq(room.id)).toBe(seqs.at(-1));
    expect([...receiver.seenSeqs(room.id)]).toEqual(seqs);

    // The room:read markers went out and were acked: the server's marker reaches the last seq.
    const markerOf = async () => (await receiver.request('rooms:list', {})).rooms.find((r) => r.id === room.id)?.lastReadSeq;
    let marker = await markerOf();
    for (let tries = 0; marker !== seqs.at(-1) && tries < 20; tries += 1) marker = await settle().then(markerOf);
    expect(marker).toBe(seqs.at(-1));
    expect(receiver.counters).toEqual({ failures: {}, duplicates: 0, caughtUp: 0, reconnects: 0 });
    expect(sender.counters.failures).toEqual({});
  });

  it('rejects connect with the server’s connect_error on a bad token', async () => {
    const stranger = client({ ...bob, token: 'not-a-token' });
    await expect(stranger.connect()).rejects.toThrow('unauthorized');
  });

  it('counts refusals and ack timeouts as failures of their event', async () => {
    const probe = client(bob, { ackTimeoutMs: 600 });
    await probe.connect();
    await expect(probe.request('room:join', { roomId: 'no-such-room' })).rejects.toThrow(/room:join: (not_found|forbidden)/);
    // The server acks only the events it knows: an unknown one is never answered.
    const started = performance.now();
    await expect(probe.request('no:such-event' as ClientEventName, {})).rejects.toThrow('no ack within 600 ms');
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    expect(probe.counters.failures).toEqual({ 'room:join': 1, 'no:such-event': 1 });
  });

  it('reconnects, rejoins and catches up what it missed with messages:since, then gets pushes again', async () => {
    const room = await newRoom(`Catch-up ${kind}`);
    const heard = new Map<number, Via>();
    const receiver = client(bob, { onMessage: (m, via) => void heard.set(m.seq, via) });
    await receiver.connect();
    await receiver.open(room.id);
    await receiver.follow(room.id);
    const sender = client(alice, { focused: false });
    await sender.connect();
    const first = (await sender.send(room.id, 'before the cut', `cut-${kind}-0`)).message.seq;
    await waitFor(() => heard.get(first) === 'live', 'the first message live');

    const back = receiver.reconnect(1200);
    await settle(100); // the socket is down now
    const missed: number[] = [];
    for (let n = 1; n <= 3 * JOIN_WINDOW; n += 1) missed.push((await sender.send(room.id, `while away ${n}`, `cut-${kind}-${n}`)).message.seq);
    await back;
    // More was missed than the join window holds: the rest came through messages:since.
    for (const seq of missed) expect(heard.get(seq)).toBe('catch-up');
    expect(receiver.counters.caughtUp).toBe(missed.length);
    expect(receiver.counters.reconnects).toBe(1);

    const after = (await sender.send(room.id, 'after the cut', `cut-${kind}-after`)).message.seq;
    await waitFor(() => heard.get(after) === 'live', 'a live delivery after the reconnect');
    expect(receiver.lastSeq(room.id)).toBe(after);
    expect(receiver.counters.duplicates).toBe(0);
    expect(receiver.counters.failures).toEqual({});
  });
});

// Engine-level behaviour pchat's defaults make slow to see (pings every 25 s): a plain socket.io
// server on loopback with a 150 ms ping interval, answering only what these checks need.
describe.each<ClientKind>(['wire', 'socket.io'])('bench client (%s) against socket.io itself', (kind) => {
  let http: Server;
  let io: SocketIoServer;
  let url: string;
  const clients: SimulatedClient[] = [];
  const session: SessionResponse = { token: 'any', user: { id: 'u', name: 'u', displayName: 'U', roles: ['user'] }, expiresAt: new Date(Date.now() + 60_000).toISOString() };

  beforeAll(async () => {
    http = createServer();
    io = new SocketIoServer(http, { pingInterval: 150, pingTimeout: 150 });
    io.on('connection', (socket) => {
      socket.on('rooms:list', (_body: unknown, ack: (answer: unknown) => void) => ack({ ok: true, rooms: [], categories: [] }));
      // The server drops the socket instead of answering: the request in flight has failed.
      socket.on('room:join', () => void socket.disconnect(true));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const made of clients) made.close();
    await io.close();
  });

  it('answers pings, so the server keeps the connection well past its ping timeout', async () => {
    const made = createClient(kind, { url, session });
    clients.push(made);
    await made.connect();
    await settle(1000);
    expect(io.sockets.sockets.size).toBe(1);
    await expect(made.request('rooms:list', {})).resolves.toMatchObject({ ok: true });
    expect(made.counters.failures).toEqual({});
    made.close();
    await waitFor(() => io.sockets.sockets.size === 0, 'the server to see the disconnect');
  });

  it('fails a request in flight when the server drops the socket, and counts it', async () => {
    const made = createClient(kind, { url, session });
    clients.push(made);
    await made.connect();
    await expect(made.request('room:join', { roomId: 'r' })).rejects.toThrow('room:join');
    expect(made.counters.failures).toEqual({ 'room:join': 1 });
  });
});
