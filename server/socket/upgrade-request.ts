// The HTTP request a connection began with is of no use once it is open, but engine.io keeps it
// for the connection's whole life: the engine socket's `request`, and, for a WebSocket, the
// WebSocketResponse engine.io builds around the upgrade, which stays a 'close' listener of the TCP
// socket and holds the request with every header (user agent, cookies, languages …). pchat reads
// only the handshake's auth and the peer address, and socket.io takes those from elsewhere, so
// each request is let go (socket.io's own "memory usage" advice) and the headers of an upgrade
// request that cannot be let go are emptied (issue 8: memory per idle connection).
import type { IncomingMessage } from 'node:http';
import type { EventEmitter } from 'node:events';

interface RawSocket {
  request: IncomingMessage | null;
  transport: { name: string };
}

/** What engine.io adds to the requests it handles. */
type EngineRequest = IncomingMessage & { _query?: { sid?: string }; websocket?: unknown };

function forgetHeaders(request: IncomingMessage): void {
  request.headers = {};
  request.rawHeaders = [];
}

export function releaseUpgradeRequests(engine: EventEmitter): void {
  engine.on('connection', (rawSocket: RawSocket) => {
    const { request } = rawSocket;
    // A new WebSocket session's upgrade has been answered by now, and its handshake, built later
    // from `request`, then has no headers (pchat reads none). A polling request may still be
    // being answered, so only the reference goes; polling drops its requests as it answers them.
    if (request && rawSocket.transport.name === 'websocket') forgetHeaders(request);
    rawSocket.request = null;
  });
  // A polling session upgraded to a WebSocket: engine.io emits 'headers' just before it answers
  // the upgrade and hands the WebSocket over synchronously after; by the next turn the request
  // has served its purpose (engine.io marks it with `websocket` once the hand-over happened).
  engine.on('headers', (_headers: unknown, request: EngineRequest) => {
    if (request._query?.sid === undefined) return;
    setImmediate(() => {
      if (request.websocket !== undefined) forgetHeaders(request);
    });
  });
}
