// What the receiver pool (this process) and its receiver processes (receiver-worker.ts) say to
// each other over the child-process IPC channel.
import type { Credentials } from './admin-api';
import type { ClientKind } from './client-kind';

export interface ReceiverSpec {
  url: string;
  credentials: Credentials;
  /** The room the client has open (joined, and marked read on arrival when focused). */
  roomId: string;
  /** Results are reported per group (e.g. "same server" and "cross server"). */
  group: string;
  follow: boolean;
  focused: boolean;
  /** Drop the connection `atMs` after start, stay away `offlineMs`, come back and catch up. */
  reconnect?: { atMs: number; offlineMs: number };
}

export interface GroupResult {
  receivers: number;
  /** Send→delivery of every live `message:new` carrying a send stamp, after the warm-up. */
  latenciesMs: number[];
  /** The same for the warm-up's messages (clock.ts `isWarmUp`): reported beside, never judged. */
  warmUpLatenciesMs: number[];
  /** (receiver, acked message) pairs expected. */
  expected: number;
  /** Expected pairs the receiver never saw, live or by catch-up, once deliveries had settled
   * (receiver-worker.ts `finish`: every catch-up in flight answered, nothing new arriving). */
  lost: number;
  /** The part of `lost` that fell on receivers which reconnected during the run. */
  lostReconnecting: number;
  /** Expected pairs not yet seen when the count was asked for (the grace period after the run),
   * the figure `lost` was before catch-ups in flight were waited for. */
  missingAtGrace: number;
  /** How long after that the deliveries settled (0: nothing was still on its way). */
  settledAfterMs: number;
  duplicates: number;
  caughtUp: number;
  reconnects: number;
  /** Requests refused or timed out, by event. */
  failures: Record<string, number>;
}

/** What the receivers of a process cost from `start` to `finish`, to compare client builds. */
export interface ClientCost {
  /** CPU time (user + system) of the receiver process(es), ms. */
  cpuMs: number;
  /** Messages the receivers handled (live, history or catch-up, each counted once per receiver). */
  deliveries: number;
}

export const emptyGroup = (): GroupResult => ({
  receivers: 0,
  latenciesMs: [],
  warmUpLatenciesMs: [],
  expected: 0,
  lost: 0,
  lostReconnecting: 0,
  missingAtGrace: 0,
  settledAfterMs: 0,
  duplicates: 0,
  caughtUp: 0,
  reconnects: 0,
  failures: {},
});

export type ToWorker =
  | { type: 'setup'; specs: ReceiverSpec[]; signInConcurrency: number; client: ClientKind }
  | { type: 'start' }
  | { type: 'finish'; expected: Record<string, number[]>; settleWithinMs: number }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; groups: Record<string, GroupResult>; cost: ClientCost }
  | { type: 'error'; message: string };
