// The one way a client→server event is handled: validate with the contract's schema, run the
// handler, always answer with an ack, and never let a bad payload, a missing callback or a thrown
// error escape into the process.
//
// Issue 8 (memory per idle connection): the handlers form ONE table built once per server, and
// each connection reaches it through a single listener (socket-server.ts), instead of holding 18
// listeners that each close over the connection. A handler gets its connection as an argument.
//
// Issue 8 (the hot path): a handler that can answer from memory returns its result, not a
// promise, and the ack then goes out in the same turn. A focused client's room:read per arrival
// is ten thousand events a second in a busy room, and each async layer between the socket and the
// ack (this file's two, the handler's, the service's) cost a promise and a microtask hop per event.
import type { ZodError } from 'zod';
import type { Ack, ClientEventName, ClientEventResults, ClientRequest, ProtocolError } from '../../common/protocol';
import { clientEventSchemas } from '../../common/protocol';
import { AppError } from '../errors';
import { unstorableText } from '../nul-guard';
import { RateLimiter, allowEvent } from './rate-limiter';
import type { ChatSocket } from './types';

/** A result at once when memory holds it, else a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

export type EventHandler<E extends ClientEventName> = (socket: ChatSocket, request: ClientRequest<E>) => MaybePromise<ClientEventResults[E]>;

/** Every event of the contract with its handler; each *-handlers.ts file builds its part. */
export type EventHandlers = { [E in ClientEventName]: EventHandler<E> };

type AckFn = (answer: Ack<object>) => void;
type OnError = (event: string, error: unknown) => void;

/** Events whose answer is built from many rows: their user's budget bounds how many run at once. */
const HEAVY_READS: ReadonlySet<ClientEventName> = new Set(['rooms:list', 'room:join', 'room:history', 'messages:since', 'search']);

const noAck: AckFn = () => undefined;

/** Whether `event` is one of the contract's client events (anything else is ignored, unanswered). */
export const isClientEvent = (event: unknown): event is ClientEventName => typeof event === 'string' && Object.hasOwn(clientEventSchemas, event);

/**
 * Handles one event that arrived on `socket` (`args` as socket.io passes them: the payload, then
 * the ack callback when the client asked for one). The ack is sent before this returns when the
 * answer needed no wait; otherwise the promise returned resolves once it was sent.
 */
export function handleEvent(handlers: EventHandlers, socket: ChatSocket, event: ClientEventName, args: unknown[], onError: OnError): Promise<void> | undefined {
  const last = args.at(-1);
  const ack: AckFn = typeof last === 'function' ? (last as AckFn) : noAck;
  const payload = typeof args[0] === 'function' ? undefined : args[0];
  const result = answer(handlers, socket, event, payload, onError);
  if (result instanceof Promise) return result.then((answered) => sendAck(ack, answered, event, onError));
  sendAck(ack, result, event, onError);
  return undefined;
}

// No closure is given a name on this path: the server runs through tsx, whose esbuild keeps
// function names by redefining `name` on every named closure as it is created (about 0.5 µs).

function answer(handlers: EventHandlers, socket: ChatSocket, event: ClientEventName, payload: unknown, onError: OnError): MaybePromise<Ack<object>> {
  const { data } = socket;
  // The connection's own buckets exist from its first event on, not from its connect.
  data.limiter ??= new RateLimiter();
  if (!allowEvent(data.limiter, data.budget.limiter, event === 'message:send' ? 'send' : 'other')) return failure('rate_limited', 'slow down');
  const unstorable = unstorableText(payload);
  if (unstorable !== undefined) return failure('bad_request', unstorable);
  const parsed = clientEventSchemas[event].safeParse(payload);
  if (!parsed.success) return failure('bad_request', describe(parsed.error));
  // The table pairs each event with its own handler; the compiler cannot follow that pairing
  // through a name known only at run time, so the lookup goes through the widest handler type.
  const handler = handlers[event] as unknown as EventHandler<ClientEventName>;
  const request = parsed.data as ClientRequest<ClientEventName>;
  let result: MaybePromise<object>;
  try {
    result = HEAVY_READS.has(event) ? data.budget.heavy(() => handler(socket, request)) : handler(socket, request);
  } catch (error) {
    return failed(error, event, onError);
  }
  if (result instanceof Promise) return result.then(succeeded, (error: unknown) => failed(error, event, onError));
  return succeeded(result);
}

function sendAck(ack: AckFn, reply: Ack<object>, event: ClientEventName, onError: OnError): void {
  try {
    ack(reply);
  } catch (error) {
    onError(event, error);
  }
}

function succeeded(result: object): Ack<object> {
  return { ok: true, ...result };
}

/** A refusal the handler meant (AppError) is the client's answer; anything else is logged. */
function failed(error: unknown, event: ClientEventName, onError: OnError): Ack<object> {
  if (error instanceof AppError) return failure(error.code, error.message);
  onError(event, error);
  return failure('internal', 'the server could not handle this request');
}

function failure(code: ProtocolError['code'], message: string): Ack<object> {
  return { ok: false, error: { code, message } };
}

function describe(error: ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload';
}
