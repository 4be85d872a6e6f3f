// socket.io on the HTTP server: token check on connect, `session` first, then the handlers.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Services } from '../services';
import { SERVER_VERSION } from '../version';
import { wireLiveUpdates } from './live-updates';
import { registerMessageHandlers } from './message-handlers';
import { RateLimiter } from './rate-limiter';
import { registerRoomHandlers } from './room-handlers';
import { RoomPresence } from './room-presence';
import { RosterTracker } from './roster-tracker';
import type { ChatServer } from './types';
import { tokenChannel } from './types';

export interface SocketLayer {
  io: ChatServer;
  close(): Promise<void>;
}

export function attachSocketServer(httpServer: HttpServer, services: Services, log: (msg: string, error?: unknown) => void): SocketLayer {
  const io: ChatServer = new Server(httpServer, {
    // Auth is a bearer token in the handshake, never a cookie, so any origin may connect.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: 1_000_000,
    serveClient: false,
  });
  const presence = new RoomPresence(io, new RosterTracker(), () => services.config.current.participantUpdateLimit);
  const onError = (what: string, error: unknown) => log(`socket ${what} failed`, error);
  const unwire = wireLiveUpdates(io, services, presence, onError);

  io.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const token = auth !== null && typeof auth === 'object' && 'token' in auth && typeof auth.token === 'string' ? auth.token : undefined;
    services.auth
      .authenticate(token)
      .then((session) => {
        if (!session) return next(new Error('unauthorized'));
        socket.data = { user: session.user, tokenHash: session.tokenHash, joined: new Set(), known: new Set() };
        next();
      })
      .catch((error: unknown) => {
        onError('auth', error);
        next(new Error('unauthorized'));
      });
  });

  io.on('connection', (socket) => {
    void socket.join(tokenChannel(socket.data.tokenHash));
    socket.emit('session', { user: socket.data.user, config: services.config.current, serverVersion: SERVER_VERSION });
    const limiter = new RateLimiter();
    registerRoomHandlers(socket, limiter, services, presence, onError);
    registerMessageHandlers(socket, limiter, services, onError);
    socket.on('disconnect', () => presence.exitAll(socket));
  });

  return {
    io,
    async close() {
      unwire();
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        // io.close() also closes the HTTP server; the app closes that itself, so ignore its error.
        void io.close(() => resolve());
      });
    },
  };
}
