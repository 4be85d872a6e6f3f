// The real server as a child process, started through its command line (PROTOCOL §8) and ready
// once it prints `listening on http://HOST:PORT`. Shared by the integration fault tests, the
// browser e2e fixture and the benchmarks.
//
// The server runs as ONE node process that loads TypeScript through tsx's loader
// (`node --import tsx`), not under the tsx CLI: that wrapper would stand between us and the
// server, forwarding signals and SIGKILLing the server if it does not confirm a signal within
// milliseconds. Here a signal reaches the server itself, so SIGTERM means a graceful stop and
// SIGKILL means the server died.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
const LISTENING = /listening on (http:\/\/\S+)/;

export interface ServerProcessOptions {
  /** The script to run, relative to the repository; default the pchat server's command line. */
  script?: string;
  /** Arguments after the script, e.g. ['--port', '0', '--data', dir]. */
  args?: string[];
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  url: string;
  /** Everything the process printed so far (for failure messages). */
  output: () => string;
  /**
   * Sends `signal` (synchronously, so it also works from an 'exit' handler) and resolves once the
   * server has exited; SIGKILL after `timeoutMs`.
   */
  kill: (signal: NodeJS.Signals, options?: { timeoutMs?: number }) => Promise<ExitStatus>;
}

export async function startServerProcess({
  script = 'server/cli.ts',
  args = [],
  env = {},
  startTimeoutMs = 60_000,
}: ServerProcessOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<ExitStatus>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
    const onData = () => {
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  return {
    url,
    output: () => output,
    kill: async (signal, { timeoutMs = 15_000 } = {}) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
      const result = await Promise.race([exited, timeout]);
      if (result !== 'timeout') return result;
      child.kill('SIGKILL');
      await exited;
      throw new Error(`server did not exit within ${timeoutMs} ms of ${signal}:\n${output}`);
    },
  };
}
