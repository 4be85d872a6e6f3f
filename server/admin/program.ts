// The pchat-admin command tree and the one place where failures become exit codes.
import { Command } from 'commander';
import { registerAddinCommands } from './commands/addins';
import { registerCategoryCommands } from './commands/categories';
import { registerConfigCommands } from './commands/config';
import { registerExportCommand } from './commands/export';
import { registerRoomMessageCommands } from './commands/room-messages';
import { registerRoomCommands } from './commands/rooms';
import { registerUserCommands } from './commands/users';
import { CliContext, DEFAULT_ADMIN_USER, DEFAULT_SERVER, type CliIo } from './context';
import { describeError, exitCodeFor } from './errors';

const GLOBAL_OPTION_HINT =
  'hint: --server, --user and --password go before the command: pchat-admin --server URL config show\n';

export function buildProgram(io: CliIo): Command {
  const program = new Command('pchat-admin')
    .description('Administer a pchat server over its administration API.')
    // Global options go before the command, which lets `user add --password` and
    // `room remove-messages --user` mean their own thing rather than the sign-in's.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => {
        write(text);
        // The likeliest slip with positional options: a sign-in flag typed after the command.
        if (/unknown option '--(server|user|password)'/.test(text)) write(GLOBAL_OPTION_HINT);
      },
    })
    .showHelpAfterError('(add --help for usage)')
    .option('--server <url>', `server base URL (env PCHAT_SERVER, default ${DEFAULT_SERVER})`)
    .option('--user <name>', `administrator to sign in as (env PCHAT_ADMIN_USER, default ${DEFAULT_ADMIN_USER})`)
    .option('--password <password>', 'its password (env PCHAT_ADMIN_PASSWORD, which keeps it off the command line)')
    .option('--json', 'print machine-readable JSON on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 refused by the server, 2 usage error, 3 server unreachable, 4 bad credentials.',
    );

  const ctx = new CliContext(io);
  registerConfigCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerCategoryCommands(program, ctx);
  registerAddinCommands(program, ctx);
  registerRoomMessageCommands(registerRoomCommands(program, ctx), ctx);
  registerExportCommand(program, ctx);
  return program;
}

/** Runs one command line and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    const line = describeError(error);
    if (line !== null) io.stderr.write(`${line}\n`);
    return exitCodeFor(error);
  }
}
