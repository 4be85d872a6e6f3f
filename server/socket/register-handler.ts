// The one way a client→server event is handled: validate with the contract's schema, run the
// handler, always answer with an ack, and never let a bad payload, a missing callback or a thrown
// error escape into the process.
import type { ZodError } from 'zod';
import type { Ack, ClientEventName, ClientEventResults, ClientRequest, ProtocolError } from '../../common/protocol';
import { clientEventSchemas } from '../../common/protocol';
import { AppError } from '../errors';
import { LONE_SURROGATE_MESSAGE, containsLoneSurrogate, containsNul } from '../nul-guard';
import type { Limiter } from './rate-limiter';
import type { ChatSocket } from './types';

export type EventHandler<E extends ClientEventName> = (request: ClientRequest<E>) => Promise<ClientEventResults[E]>;

type AckFn = (answer: Ack<object>) => void;

/** Events whose answer is built from many rows: their user's budget bounds how many run at once. */
const HEAVY_READS: ReadonlySet<ClientEventName> = new Set(['rooms:list', 'room:join', 'room:history', 'messages:since', 'search']);

/** socket.io's typed `on` expects our typed listener; we deliberately accept anything on the
 * wire and validate it ourselves, so we register through an untyped view of the socket. */
type RawSocket = { on(event: string, listener: (...args: unknown[]) => void): void };

export function registerHandler<E extends ClientEventName>(
  socket: ChatSocket,
  limiter: Limiter,
  event: E,
  handler: EventHandler<E>,
  onError: (event: string, error: unknown) => void,
): void {
  (socket as unknown as RawSocket).on(event, (...args: unknown[]) => {
    const last = args.at(-1);
    const ack: AckFn = typeof last === 'function' ? (last as AckFn) : () => undefined;
    const payload = typeof args[0] === 'function' ? undefined : args[0];
    const { budget } = socket.data;
    const run: EventHandler<E> = HEAVY_READS.has(event) ? (request) => budget.heavy(() => handler(request)) : handler;
    void answer(event, payload, run, limiter, onError).then((result) => {
      try {
        ack(result);
      } catch (error) {
        onError(event, error);
      }
    });
  });
}

async function answer<E extends ClientEventName>(
  event: E,
  payload: unknown,
  handler: EventHandler<E>,
  limiter: Limiter,
  onError: (event: string, error: unknown) => void,
): Promise<Ack<object>> {
  if (!limiter.allow(event === 'message:send' ? 'send' : 'other')) return failure('rate_limited', 'slow down');
  if (containsNul(payload)) return failure('bad_request', 'text must not contain U+0000');
  if (containsLoneSurrogate(payload)) return failure('bad_request', LONE_SURROGATE_MESSAGE);
  const parsed = clientEventSchemas[event].safeParse(payload);
  if (!parsed.success) return failure('bad_request', describe(parsed.error));
  try {
    const result = await handler(parsed.data as ClientRequest<E>);
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, error.message);
    onError(event, error);
    return failure('internal', 'the server could not handle this request');
  }
}

function failure(code: ProtocolError['code'], message: string): Ack<object> {
  return { ok: false, error: { code, message } };
}

function describe(error: ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload';
}
