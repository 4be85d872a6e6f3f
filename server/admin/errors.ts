// The three ways a command can fail, and the exit code each one maps to. Scripts that drive the
// CLI branch on the exit code, so the mapping is part of the CLI's contract (docs/administration.md).
import { CommanderError } from 'commander';

export const EXIT = {
  ok: 0,
  refused: 1,
  usage: 2,
  unreachable: 3,
  badCredentials: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The command line itself is wrong; nothing was sent to the server. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The server answered, and refused. `code` is the protocol's error code when it sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** No answer at all: refused connection, unknown host, timeout, or not an HTTP server. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
}

/**
 * Sign-in was refused. Kept apart from ApiError so that a wrong password is never confused with a
 * command the server refused (exit 4, not 1).
 */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
}

/** A name given on the command line matches nothing, or more than one thing, on the server. */
export class LookupError extends Error {
  override readonly name = 'LookupError';
}

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof ConnectionError) return EXIT.unreachable;
  if (error instanceof CredentialsError) return EXIT.badCredentials;
  return EXIT.refused;
}

/** One line for stderr. Commander prints its own usage errors, so those yield null. */
export function describeError(error: unknown): string | null {
  if (error instanceof CommanderError) return null;
  if (error instanceof UsageError) return `pchat-admin: ${error.message}`;
  if (error instanceof ApiError) return `pchat-admin: server refused (${error.status} ${error.code}): ${error.message}`;
  if (error instanceof ConnectionError) return `pchat-admin: cannot reach the server: ${error.message}`;
  if (error instanceof CredentialsError) return `pchat-admin: sign-in failed: ${error.message}`;
  if (error instanceof LookupError) return `pchat-admin: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `pchat-admin: unexpected error: ${message}`;
}
