// Sessions end on open sockets too (PROTOCOL.md §10): a socket is authenticated once, at connect,
// so its events cost no store access; `admitEvent` counts each event as a use of the session (in
// memory) and refuses events past the session's absolute limit at once, and every SWEEP_MS the
// auth service is asked to end the sessions of this server's sockets that expired (their sockets
// are then disconnected through `session:revoked`), well within the 60 s the protocol allows.
import type { Services } from '../services';
import type { ChatServer, ChatSocket } from './types';

/**
 * Whether the socket's session still admits an event; if not, the socket is closed and the
 * session ended, and the event must not be handled. Called in the one path every event takes
 * (socket-server.ts), before any handler: a `socket.use` middleware would run only after
 * socket.io's `onAny` listeners, that is after the handlers had started.
 */
export function admitEvent(socket: ChatSocket, services: Services, onError: (what: string, error: unknown) => void): boolean {
  if (services.auth.noteSocketUse(socket.data.tokenHash)) return true;
  socket.disconnect(true);
  services.auth.revoke(socket.data.tokenHash).catch((error: unknown) => onError('session expiry', error));
  return false;
}

export const SWEEP_MS = 20_000;

/** Returns the stop function, which waits for a sweep in flight (the store closes next). */
export function watchSessionExpiry(io: ChatServer, services: Services, onError: (what: string, error: unknown) => void): () => Promise<void> {
  const { auth } = services;

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
