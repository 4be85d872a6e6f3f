// The real server as a child process (PROTOCOL §8 command line), for tests that must kill it the
// hard way. tsx starts the server in a grandchild node process, so the server runs in its own
// process group and every signal goes to the whole group: SIGKILL then really kills the server,
// not only the tsx wrapper in front of it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { ADMIN_PASSWORD } from './test-server';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const LISTENING = /listening on (http:\/\/\S+)/;

export interface ServerProcess {
  url: string;
  /** Everything the process printed (for failure messages). */
  output(): string;
  /**
   * Sends `signal` to the process group (or, with `serverOnly`, to the server process alone) and
   * resolves once the process has exited. `serverOnly` matters for SIGTERM: tsx, receiving it too,
   * SIGKILLs its child when the child does not confirm within 30 ms, which a busy machine misses.
   */
  kill(signal: NodeJS.Signals, options?: { timeoutMs?: number; serverOnly?: boolean }): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A port that was free a moment ago; reused across restarts so clients reconnect to one URL. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function spawnServer(port: number, dataDir: string, startTimeoutMs = 60_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    ['server/cli.ts', '--host', '127.0.0.1', '--port', String(port), '--data', dataDir],
    { cwd: REPO_ROOT, env: { ...process.env, PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };

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
    signalGroup('SIGKILL');
    throw error;
  });

  return {
    url,
    output: () => output,
    async kill(signal, { timeoutMs = 15_000, serverOnly = false } = {}) {
      const server = serverOnly ? deepestChild(child.pid) : undefined;
      if (server === undefined) signalGroup(signal);
      else process.kill(server, signal);
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
      const result = await Promise.race([exited, timeout]);
      if (result !== 'timeout') {
        // The wrapper may exit before the server itself; make sure nothing of the group is left.
        signalGroup('SIGKILL');
        return result;
      }
      signalGroup('SIGKILL');
      await exited;
      throw new Error(`server did not exit within ${timeoutMs} ms of ${signal}:\n${output}`);
    },
  };
}

/** The last process in the chain wrapper → tsx → node (Linux /proc); undefined if unknown. */
function deepestChild(pid: number | undefined): number | undefined {
  let current = pid;
  for (;;) {
    let children: number[] = [];
    try {
      children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return current === pid ? undefined : current;
    }
    if (children.length === 0) return current === pid ? undefined : current;
    current = children[0];
  }
}
