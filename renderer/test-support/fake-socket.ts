// A scripted stand-in for the server side of the socket: tests register answers per event and
// push server events, and can hold an ack back to observe the pending state.
import type {
  Ack,
  ClientEventName,
  ClientEventResults,
  ClientRequest,
  ServerToClientEvents,
} from '../../common/protocol';
import type { ChatSocket, ConnectionHandlers, ServerEventName } from '../store/chat-socket';

type Handler<E extends ClientEventName> = (body: ClientRequest<E>) => Ack<ClientEventResults[E]> | Promise<Ack<ClientEventResults[E]>>;

export class FakeSocket implements ChatSocket {
  readonly sent: { event: ClientEventName; body: unknown }[] = [];
  closed = false;
  reconnects = 0;
  private readonly listeners = new Map<string, ((payload: never) => void)[]>();
  private readonly handlers = new Map<string, (body: never) => unknown>();
  private connection: ConnectionHandlers | null = null;

  on<E extends ServerEventName>(event: E, listener: ServerToClientEvents[E]): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  onConnection(handlers: ConnectionHandlers): void {
    this.connection = handlers;
  }

  answer<E extends ClientEventName>(event: E, handler: Handler<E>): this {
    this.handlers.set(event, handler);
    return this;
  }

  async request<E extends ClientEventName>(event: E, body: ClientRequest<E>): Promise<Ack<ClientEventResults[E]>> {
    this.sent.push({ event, body });
    const handler = this.handlers.get(event);
    if (!handler) return { ok: false, error: { code: 'internal', message: `no fake answer for ${event}` } };
    return (await handler(body as never)) as Ack<ClientEventResults[E]>;
  }

  /** Pushes a server→client event to the bridge. */
  push<E extends ServerEventName>(event: E, payload: Parameters<ServerToClientEvents[E]>[0]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
  }

  connect(): void {
    this.connection?.connect();
  }

  drop(reason = 'transport close'): void {
    this.connection?.disconnect(reason);
  }

  refuse(message: string): void {
    this.connection?.connectError(message);
  }

  reconnect(): void {
    this.reconnects += 1;
  }

  close(): void {
    this.closed = true;
  }

  sentOf<E extends ClientEventName>(event: E): ClientRequest<E>[] {
    return this.sent.filter((entry) => entry.event === event).map((entry) => entry.body as ClientRequest<E>);
  }
}

/** A promise the test resolves by hand, to hold an ack back. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
