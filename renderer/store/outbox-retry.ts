// When the outbox tries a send again on its own. Transient failures (no ack in time, a dropped
// connection, rate_limited, internal) are retried with exponential backoff and jitter, so many
// clients coming back after an outage do not hit the server in lockstep; errors that another
// try cannot fix (the room is gone or disabled, the user may not post, the text is refused) stop
// at once and leave the message "failed" for the user to retry or discard.
import type { ErrorCode } from '../../common/protocol';

/** Automatic sends per message before it is left failed (the user may still retry by hand). */
export const MAX_AUTO_ATTEMPTS = 6;
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

/** `null` stands for "no ack": a timeout or no connection. */
export type SendFailure = ErrorCode | null;

const TRANSIENT: ReadonlySet<SendFailure> = new Set<SendFailure>([null, 'rate_limited', 'internal', 'unauthorized']);

export function isTransient(failure: SendFailure): boolean {
  return TRANSIENT.has(failure);
}

/** Whether to send again by itself after `attempts` tries ended in `failure`. */
export function shouldAutoRetry(failure: SendFailure, attempts: number): boolean {
  return isTransient(failure) && attempts < MAX_AUTO_ATTEMPTS;
}

/**
 * Delay before the next automatic try after `attempts` tries: base·2^(attempts−1), capped, with
 * "equal jitter" — a random point in the upper half — so it never collapses to zero.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
