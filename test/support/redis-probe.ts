// Whether a Redis answers at `url`: the multi-server tests and benchmarks say plainly that they
// are skipped when it does not.
import { createClient } from 'redis';

export async function redisReachable(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 1000 } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return true;
  } catch {
    return false;
  }
}
