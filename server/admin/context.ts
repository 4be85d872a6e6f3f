// What every command shares: the connection settings (flags, then environment variables), the
// sign-in / sign-out around the work, and printing the result. Commands stay small because of it.
import type { Command } from 'commander';
import { ApiClient, normaliseServerUrl, type FetchLike } from './api-client';
import { UsageError } from './errors';
import { printResult, type Result, type Writer } from './output';

export const DEFAULT_SERVER = 'http://127.0.0.1:4100';
export const DEFAULT_ADMIN_USER = 'admin';

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  /** Injected by unit tests; the real CLI uses the global fetch. */
  fetch?: FetchLike;
}

export interface GlobalOptions {
  server?: string;
  user?: string;
  password?: string;
  json?: boolean;
}

export interface Connection {
  server: string;
  user: string;
  password: string;
}

/** Flags win over PCHAT_* variables; a password must come from one of them (never a default). */
export function resolveConnection(options: GlobalOptions, env: CliIo['env']): Connection {
  const server = normaliseServerUrl(options.server ?? env.PCHAT_SERVER ?? DEFAULT_SERVER);
  const user = options.user ?? env.PCHAT_ADMIN_USER ?? DEFAULT_ADMIN_USER;
  const password = options.password ?? env.PCHAT_ADMIN_PASSWORD;
  if (password === undefined || password === '') {
    throw new UsageError('no password: give --password or set PCHAT_ADMIN_PASSWORD');
  }
  return { server, user, password };
}

/** The program (root) command, whose options are the global ones. */
function rootOf(command: Command): Command {
  let current = command;
  while (current.parent) current = current.parent;
  return current;
}

export class CliContext {
  constructor(readonly io: CliIo) {}

  /** Adds a runnable subcommand; each accepts --json after its own arguments too. */
  leaf(parent: Command, nameAndArgs: string, description: string): Command {
    return parent.command(nameAndArgs).description(description).option('--json', 'print machine-readable JSON');
  }

  /**
   * Signs in, runs `work`, prints its result, and signs out even when the work failed.
   * Call it only after the command's own arguments were checked, so a usage error never
   * reaches the server.
   */
  async run(command: Command, work: (api: ApiClient) => Promise<Result>): Promise<void> {
    const globals = rootOf(command).opts<GlobalOptions>();
    const json = globals.json === true || command.opts<{ json?: boolean }>().json === true;
    const connection = resolveConnection(globals, this.io.env);
    const api = new ApiClient(connection.server, this.io.fetch);
    await api.signIn(connection.user, connection.password);
    try {
      const result = await work(api);
      printResult(this.io.stdout, result, json);
    } finally {
      await api.signOut();
    }
  }
}
