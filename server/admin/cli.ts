// Entry point of `npm run admin` (pchat-admin). Everything testable lives in program.ts.
import { runCli } from './program';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
