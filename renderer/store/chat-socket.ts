// The narrow view of the socket the bridge needs. The real socket.io client is adapted to it
// here; unit tests hand the bridge a fake with the same shape.
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientEventName,
  ClientEventResults,
  ClientRequest,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../common/protocol';

export type ServerEventName = keyof ServerToClientEvents;

export interface ConnectionHandlers {
  connect(): void;
  disconnect(reason: string): void;
  connectError(message: string): void;
}

export interface ChatSocket {
  on<E extends ServerEventName>(event: E, listener: ServerToClientEvents[E]): void;
  onConnection(handlers: ConnectionHandlers): void;
  /** Emits with an ack; rejects with Error('timeout') when no ack comes in time. */
  request<E extends ClientEventName>(event: E, body: ClientRequest<E>): Promise<Ack<ClientEventResults[E]>>;
  /** Reconnects after the server closed the connection itself (socket.io does not retry then). */
  reconnect(): void;
  close(): void;
}

export type SocketFactory = (serverUrl: string, token: string) => ChatSocket;

const ACK_TIMEOUT_MS = 20_000;

/**
 * Reconnection backoff (socket.io's own): 1 s doubling up to 5 s, each delay moved by up to ±50 %
 * so a server restart is not met by every client at the same instant. Stated here rather than
 * left to the library's defaults, which may change.
 */
export const RECONNECT_OPTIONS = {
  reconnection: true,
  reconnectionAttempts: Infinity,
  reconnectionDelay: 1_000,
  reconnectionDelayMax: 5_000,
  randomizationFactor: 0.5,
} as const;

/** socket.io's typed emit cannot be called with a generic event name, so the adapter talks to it untyped once, here. */
interface UntypedSocket {
  timeout(ms: number): { emit(event: string, body: unknown, ack: (err: Error | null, answer: unknown) => void): void };
  on(event: string, listener: (...args: never[]) => void): void;
}

export const connectSocketIo: SocketFactory = (serverUrl, token) => {
  // A path in the server URL (a server behind a reverse proxy at /chat) is where socket.io
  // lives, not a namespace: pchat uses the default namespace only.
  const base = new URL(serverUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(base.origin, {
    auth: { token },
    path: `${prefix}/socket.io`,
    ...RECONNECT_OPTIONS,
  });
  const untyped = socket as unknown as UntypedSocket;
  return {
    on: (event, listener) => untyped.on(event, listener),
    onConnection: (handlers) => {
      socket.on('connect', () => handlers.connect());
      socket.on('disconnect', (reason) => handlers.disconnect(reason));
      socket.on('connect_error', (err) => handlers.connectError(err.message));
    },
    request: (event, body) =>
      new Promise((resolve, reject) => {
        untyped.timeout(ACK_TIMEOUT_MS).emit(event, body, (err, answer) => {
          if (err) reject(new Error('timeout'));
          else resolve(answer as Ack<ClientEventResults[typeof event]>);
        });
      }),
    reconnect: () => {
      socket.connect();
    },
    close: () => {
      socket.disconnect();
    },
  };
};
