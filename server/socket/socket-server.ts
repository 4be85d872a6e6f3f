// socket.io on the HTTP server: token check on connect, `session` first, then the handlers.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Services } from '../services';
import { SERVER_VERSION } from '../version';
import { attentionHandlers } from './attention-handlers';
import { wireAttentionPushes } from './attention-pushes';
import { joinCluster } from './cluster';
import { wireClusterSync } from './cluster-sync';
import { wireLiveUpdates } from './live-updates';
import { admitEvent, watchSessionExpiry } from './session-expiry';
import { messageActionHandlers } from './message-action-handlers';
import { messageHandlers } from './message-handlers';
import { readMarkerHandlers } from './read-marker-handlers';
import { type EventHandlers, handleEvent, isClientEvent } from './register-handler';
import { roomHandlers } from './room-handlers';
import { RoomPresence } from './room-presence';
import { RosterTracker } from './roster-tracker';
import type { ChatServer } from './types';
import { releaseUpgradeRequests } from './upgrade-request';
import { UserBudgets } from './user-budgets';
import { tokenChannel, userChannel } from './types';

/** How long shutdown waits for running handlers to answer before closing the sockets anyway. */
const DRAIN_TIMEOUT_MS = 5000;

const ROSTER_HEARTBEAT_MS = 10_000;

export interface SocketLayer {
  io: ChatServer;
  close(): Promise<void>;
}

export async function attachSocketServer(
  httpServer: HttpServer,
  services: Services,
  log: (msg: string, error?: unknown) => void,
  options: { redisUrl?: string } = {},
): Promise<SocketLayer> {
  const io: ChatServer = new Server(httpServer, {
    // Auth is a bearer token in the handshake, never a cookie, so any origin may connect.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: 1_000_000,
    serveClient: false,
  });
  releaseUpgradeRequests(io.engine);
  const onError = (what: string, error: unknown) => log(`socket ${what} failed`, error);
  const cluster = options.redisUrl === undefined ? null : await joinCluster(io, options.redisUrl, (e) => onError('redis', e));
  const serverId = cluster?.serverId ?? null;
  const presence = new RoomPresence(io, new RosterTracker(), () => services.config.current.participantUpdateLimit, serverId);
  const live = wireLiveUpdates(io, services, presence, serverId !== null, onError);
  const unwireAttention = wireAttentionPushes(io, services.events);
  const stopSessionExpiry = watchSessionExpiry(io, services, onError);
  const unwireCluster = cluster === null ? () => undefined : wireClusterSync(io, services, live.local, onError);
  // One table for the whole server: a connection holds a single listener, not one per event.
  const handlers = {
    ...roomHandlers(services, presence),
    ...messageHandlers(services),
    ...messageActionHandlers(services),
    ...readMarkerHandlers(services),
    ...attentionHandlers(services),
  } satisfies EventHandlers;
  if (serverId !== null) {
    io.on('pchat:roster', (from, roomId, participants) => presence.remoteChanged(from, roomId, participants));
    io.on('pchat:bye', (from) => presence.remoteGone(from));
    io.on('pchat:hello', () => presence.publishAll());
    io.serverSideEmit('pchat:hello', serverId);
  }
  // Servers renew their roster reports; a report not renewed for three periods is dropped, so a
  // server that died without saying goodbye does not leave ghosts in the rosters of the others.
  const heartbeat =
    serverId === null
      ? undefined
      : setInterval(() => {
          presence.publishAll();
          presence.expireRemote(Date.now() - 3 * ROSTER_HEARTBEAT_MS);
        }, ROSTER_HEARTBEAT_MS).unref();

  // Graceful shutdown: once closing, refuse new connections and drop new events (the client's
  // outbox resends them elsewhere or after restart), but let the ones already running finish and
  // deliver their acks before the sockets close.
  let closing = false;
  const budgets = new UserBudgets();
  let inFlight = 0;
  io.use((socket, next) => {
    if (closing) return next(new Error('unavailable'));
    const auth: unknown = socket.handshake.auth;
    const token = auth !== null && typeof auth === 'object' && 'token' in auth && typeof auth.token === 'string' ? auth.token : undefined;
    services.auth
      .authenticate(token)
      .then((session) => {
        if (!session) return next(new Error('unauthorized'));
        const budget = budgets.connect(session.user.id);
        if (!budget) return next(new Error('rate_limited'));
        socket.data = { user: session.user, tokenHash: session.tokenHash, joined: new Set(), budget };
        next();
      })
      .catch((error: unknown) => {
        onError('auth', error);
        next(new Error('unauthorized'));
      });
  });

  io.on('connection', (socket) => {
    void socket.join([tokenChannel(socket.data.tokenHash), userChannel(socket.data.user.id)]);
    presence.connected(socket);
    socket.emit('session', { user: socket.data.user, config: services.config.current, serverVersion: SERVER_VERSION });
    socket.onAny((event: unknown, ...args: unknown[]) => {
      // Once closing, new events are dropped (see above); those running are counted until acked.
      if (closing || !isClientEvent(event) || !admitEvent(socket, services, onError)) return;
      // Most events are answered in this turn; only those that wait are counted as in flight.
      const waiting = handleEvent(handlers, socket, event, args, onError);
      if (waiting === undefined) return;
      inFlight += 1;
      void waiting.finally(() => {
        inFlight -= 1;
      });
    });
    socket.on('disconnect', () => {
      presence.exitAll(socket);
      budgets.disconnect(socket.data.user.id);
    });
  });

  return {
    io,
    async close() {
      closing = true;
      clearInterval(heartbeat);
      await stopSessionExpiry();
      // The others drop this server's users from their rosters at once.
      if (serverId !== null) io.serverSideEmit('pchat:bye', serverId);
      const drainUntil = Date.now() + DRAIN_TIMEOUT_MS;
      while (inFlight > 0 && Date.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 10));
      live.unwire();
      unwireAttention();
      unwireCluster();
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        // io.close() also closes the HTTP server; the app closes that itself, so ignore its error.
        void io.close(() => resolve());
      });
      await cluster?.close();
    },
  };
}
