// Sessions end on open sockets too (PROTOCOL.md §10): a socket is authenticated once, at connect,
// so its events cost no store access; this counts each event as a use of the session (in memory),
// refuses events past the session's absolute limit at once, and every SWEEP_MS asks the auth
// service to end the sessions of this server's sockets that expired (their sockets are then
// disconnected through `session:revoked`), well within the 60 s the protocol allows.
import type { Services } from '../services';
import type { ChatServer } from './types';

export const SWEEP_MS = 20_000;

/** Call before the other connection handlers, so the check runs before any event handler. */
/** Returns the stop function, which waits for a sweep in flight (the store closes next). */
export function watchSessionExpiry(io: ChatServer, services: Services, onError: (what: string, error: unknown) => void): () => Promise<void> {
  const { auth } = services;
  io.on('connection', (socket) => {
    socket.use((_packet, next) => {
      if (auth.noteSocketUse(socket.data.tokenHash)) return next();
      socket.disconnect(true);
      auth.revoke(socket.data.tokenHash).catch((error: unknown) => onError('session expiry', error));
    });
  });

  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    const open = new Set<string>();
    for (const socket of io.of('/').sockets.values()) open.add(socket.data.tokenHash);
    running = auth
      .sweep(open)
      .catch((error: unknown) => onError('session sweep', error))
      .finally(() => {
        running = null;
      });
  }, SWEEP_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
