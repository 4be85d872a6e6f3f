// HTTP timeouts (PROTOCOL §10, issue 9 #6): a connection that sends nothing for `idleMs` (30 s)
// in the middle of a request's headers or body is closed, and so is one that trickles: the
// headers must be complete within `idleMs`, a whole request body within 20 × `idleMs`. Node
// checks the last two on a timer, so it runs a few times per `idleMs` (closed within 40 s).
// The socket idle timeout also ends keep-alive connections and responses nobody reads; a
// WebSocket (socket.io) turns it off for its own connection, and socket.io pings every 25 s.
import type { FastifyHttpOptions } from 'fastify';
import type { Server } from 'node:http';

export const HTTP_IDLE_TIMEOUT_MS = 30_000;

type TimeoutOptions = Pick<FastifyHttpOptions<Server>, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout' | 'http'>;

export function httpTimeoutOptions(idleMs: number = HTTP_IDLE_TIMEOUT_MS): TimeoutOptions {
  return {
    connectionTimeout: idleMs,
    keepAliveTimeout: Math.min(5_000, idleMs),
    requestTimeout: 20 * idleMs,
    http: {
      headersTimeout: idleMs,
      connectionsCheckingInterval: Math.max(25, Math.min(5_000, Math.floor(idleMs / 4))),
    },
  };
}
