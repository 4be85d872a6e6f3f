// What bench/capacity.ts and its client processes (capacity-worker.ts) tell each other over the
// child-process IPC channel. Every request carries an id; the worker answers with the same id.
import type { CapacityModel } from './capacity-model';

/** One simulated user, as the coordinator hands it to a worker. */
export interface UserSpec {
  index: number;
  name: string;
  id: string;
  token: string;
  /** Room ids of the user's four rooms: [S-a, S-b, M, L]. */
  rooms: string[];
  follows: boolean[];
  focused: boolean;
}

/** A message acked inside a measured window: what every receiver should have seen. */
export interface SentMessage {
  roomId: string;
  seq: number;
  /** bench/support/clock.ts nowMs() when it was sent (the same clock in every process). */
  sentAt: number;
  senderId: string;
}

export interface WindowStats {
  clients: number;
  /** Send → arrival at each other receiver of messages sent in the window (ms). */
  latencies: number[];
  sendAckMs: number[];
  sendFailures: Record<string, number>;
  joinMs: number[];
  joinFailures: number;
  reconnects: number;
  reconnectFailures: number;
  /** Other refused or timed-out requests (room:read, rooms:list, …) counted by RealClient. */
  requestFailures: Record<string, number>;
  duplicates: number;
  /** Deliveries a receiver should have had (it had the room open from before the send until 2 s after) … */
  expected: number;
  /** … and did not get, live or by catch-up. */
  lost: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** This worker's CPU over the window, % of one core. */
  cpuPct: number;
}

export type WorkerRequest =
  | { type: 'connect'; url: string; model: CapacityModel; users: UserSpec[] }
  | { type: 'window' }
  | { type: 'pause' }
  | { type: 'loss'; sent: SentMessage[] }
  | { type: 'resume' }
  | { type: 'reset' };

export type WorkerReply =
  | { type: 'connected'; ok: number; failed: number; firstError?: string }
  | { type: 'paused'; sent: SentMessage[] }
  | { type: 'stats'; stats: WindowStats }
  | { type: 'done' };

export type Envelope<T> = T & { id: number };
