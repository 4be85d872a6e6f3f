// The real server as a child process for the tests that must stop it the hard way (kill -9) or
// the polite way (SIGTERM), restarted on the same data directory and port.
import net from 'node:net';
import { type ServerProcess, startServerProcess } from '../../support/server-process';
import { ADMIN_PASSWORD } from './test-server';

export type { ServerProcess };

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

export function spawnServer(port: number, dataDir: string, startTimeoutMs = 60_000): Promise<ServerProcess> {
  return startServerProcess({
    args: ['--host', '127.0.0.1', '--port', String(port), '--data', dataDir],
    env: { PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD },
    startTimeoutMs,
  });
}
