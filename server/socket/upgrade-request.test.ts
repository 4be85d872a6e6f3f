import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseUpgradeRequests } from './upgrade-request';

type EngineRequest = IncomingMessage & { websocket?: unknown };

async function serve() {
  const http = createServer();
  const io = new Server(http);
  releaseUpgradeRequests(io.engine);
  const rawSockets: { request: unknown }[] = [];
  io.engine.on('connection', (rawSocket: { request: unknown }) => rawSockets.push(rawSocket));
  const upgrades: EngineRequest[] = [];
  io.engine.on('headers', (_headers: unknown, request: EngineRequest) => upgrades.push(request));
  const auths: unknown[] = [];
  io.on('connection', (socket) => {
    auths.push(socket.handshake.auth);
    socket.on('echo', (value: unknown, ack: (value: unknown) => void) => ack(value));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { url, rawSockets, upgrades, auths, close: () => new Promise<void>((resolve) => void io.close(() => resolve())) };
}

const clients: ClientSocket[] = [];
let server: Awaited<ReturnType<typeof serve>> | undefined;
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('releaseUpgradeRequests', () => {
  it('lets a WebSocket connection’s request go, keeps the auth, and the connection works', async () => {
    server = await serve();
    const client = connect(server.url, { transports: ['websocket'], auth: { token: 't1' }, forceNew: true });
    clients.push(client);
    expect(await client.emitWithAck('echo', 'hello')).toBe('hello');
    await settle();
    expect(server.auths).toEqual([{ token: 't1' }]);
    expect(server.rawSockets.map((rawSocket) => rawSocket.request)).toEqual([null]);
    const upgrade = server.upgrades.find((request) => request.websocket !== undefined);
    expect(upgrade?.rawHeaders).toEqual([]);
    expect(upgrade?.headers).toEqual({});
  });

  it('empties the headers of a polling session’s upgrade once it is upgraded', async () => {
    server = await serve();
    const client = connect(server.url, { auth: { token: 't2' }, forceNew: true });
    clients.push(client);
    await new Promise<void>((resolve) => client.io.engine.once('upgrade', () => resolve()));
    expect(await client.emitWithAck('echo', 42)).toBe(42);
    await settle();
    const upgrade = server.upgrades.find((request) => request.websocket !== undefined);
    expect(upgrade).toBeDefined();
    expect(server.rawSockets.map((rawSocket) => rawSocket.request)).toEqual([null]);
    expect(upgrade?.rawHeaders).toEqual([]);
    // The polling requests of the session are left as they were: they were not upgrades.
    expect(server.upgrades.filter((request) => request.websocket === undefined).every((request) => request.rawHeaders.length > 0)).toBe(true);
    expect(server.auths).toEqual([{ token: 't2' }]);
  });
});
