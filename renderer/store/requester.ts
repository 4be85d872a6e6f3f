// What helpers of the bridge use to talk to the server: a typed request that turns timeouts
// into `null` (the bridge has already shown an alert), and the ack-error → alert mapping.
import type { Ack, ClientEventName, ClientEventResults, ClientRequest, ErrorCode, ProtocolError } from '../../common/protocol';
import type { UiError } from './ui-slice';

export type Requester = <E extends ClientEventName>(
  event: E,
  body: ClientRequest<E>,
) => Promise<Ack<ClientEventResults[E]> | null>;

export function errorOf(error: ProtocolError | { code: ErrorCode }): UiError {
  return { key: `errors.${error.code}` };
}
