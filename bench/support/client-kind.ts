// Which build of the benchmark client drives a run: the wire-level one (wire-client.ts, the
// default: light enough that the server, not the clients, is what gets measured) or
// socket.io-client itself (real-client.ts, `--client socket.io`). Both behave the same
// (client-behaviour.ts); a run uses one kind for every client, against pchat and bare alike.
import type { RealClientOptions, SimulatedClient } from './client-behaviour';
import { RealClient } from './real-client';
import type { CommonOptions } from './run-guard';
import { WireClient } from './wire-client';

export type ClientKind = 'wire' | 'socket.io';

/** The flag every fan-out style benchmark accepts; pass it to parseBenchArgs. */
export const CLIENT_FLAG = { client: 'wire' } as const;
/** How a benchmark hands the kind to client processes it does not talk to itself (capacity workers). */
export const CLIENT_ENV = 'PCHAT_BENCH_CLIENT';

export function isClientKind(value: unknown): value is ClientKind {
  return value === 'wire' || value === 'socket.io';
}

/** `--client wire|socket.io` (default wire); exits 2 on anything else, like the other flags. */
export function clientKindOption(options: CommonOptions): ClientKind {
  const given = options.values.client;
  const kind = typeof given === 'string' && given !== '' ? given : 'wire';
  if (!isClientKind(kind)) {
    console.error(`--client must be wire or socket.io, got ${String(given)}`);
    process.exit(2);
  }
  return kind;
}

/** The kind named in the environment (CLIENT_ENV), wire when unset. */
export function clientKindFromEnv(): ClientKind {
  const value = process.env[CLIENT_ENV];
  return isClientKind(value) ? value : 'wire';
}

export function createClient(kind: ClientKind, options: RealClientOptions): SimulatedClient {
  return kind === 'wire' ? new WireClient(options) : new RealClient(options);
}

/** What the tables print for the clients. */
export const clientLabel = (kind: ClientKind) => (kind === 'wire' ? 'wire client (ws)' : 'socket.io-client');
