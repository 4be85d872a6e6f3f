// The Redis the multi-server tests run against, and whether it answers (they say plainly when
// they are skipped because it does not).
import { createClient } from 'redis';

export const REDIS_URL = process.env.PCHAT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function redisReachable(url = REDIS_URL): Promise<boolean> {
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
