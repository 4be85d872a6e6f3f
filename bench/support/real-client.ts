// A benchmark client that behaves like pchat's own client (client-behaviour.ts: join, read marker
// per arrival while focused, follows, reconnect with catch-up) over socket.io-client itself, as the
// renderer connects. The benchmarks' receivers default to the lighter wire-level build of the same
// behaviour (wire-client.ts); `--client socket.io` picks this one (client-kind.ts). Reusable by
// any benchmark:
//
//   const session = await signIn(url, credentials);
//   const client = new RealClient({ url, session, focused: true, onMessage: (m, via) => … });
//   await client.connect();          // + rooms:list
//   await client.open(roomId);       // room:join (+ room:read of the newest when focused)
//   await client.follow(roomId);
//   await client.send(roomId, text); // → the message:send ack
//   await client.reconnect(1000);    // offline 1 s, then connect, rooms:list, rejoin, catch up
//   client.close();
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/protocol';
import { type ClientTransport, type Deliver, type RealClientOptions, SimulatedClient } from './client-behaviour';

export type { Credentials } from './admin-api';
export { signIn } from './admin-api';
export type { ClientCounters, RealClientOptions, Via } from './client-behaviour';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type UntypedEmitter = { emitWithAck(event: string, body: unknown): Promise<unknown> };

class SocketIoTransport implements ClientTransport {
  readonly socket: ChatSocket;

  constructor(url: string, token: string, deliver: Deliver) {
    this.socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      // Reconnects are the benchmark's to schedule (reconnect()), not socket.io's.
      reconnection: false,
    });
    this.socket.on('message:new', ({ message }) => deliver(message));
  }

  connect(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => (this.socket.off('connect', onConnect), reject(error));
      const onConnect = () => (this.socket.off('connect_error', onError), resolve());
      this.socket.once('connect', onConnect);
      this.socket.once('connect_error', onError);
      this.socket.connect();
    });
  }

  disconnect(): void {
    this.socket.disconnect();
  }

  emitWithAck(event: string, body: unknown, timeoutMs: number): Promise<unknown> {
    // socket.io's typed emitWithAck cannot follow a generic event name; the shapes are ours.
    return (this.socket.timeout(timeoutMs) as unknown as UntypedEmitter).emitWithAck(event, body);
  }
}

export class RealClient extends SimulatedClient {
  constructor(options: RealClientOptions) {
    super(options, (deliver) => new SocketIoTransport(options.url, options.session.token, deliver));
  }

  get socket(): ChatSocket {
    return (this.transport as SocketIoTransport).socket;
  }
}
