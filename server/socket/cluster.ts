// Several servers behind one address (--redis): socket.io's Redis adapter carries room
// broadcasts, disconnects and server-to-server events between them. Redis pub/sub is
// at-most-once, so clients still repair gaps with messages:since; the database stays the truth.
import { createAdapter } from '@socket.io/redis-adapter';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { ChatServer } from './types';

export interface ClusterLink {
  serverId: string;
  close(): Promise<void>;
}

export async function joinCluster(io: ChatServer, redisUrl: string, onError: (error: unknown) => void): Promise<ClusterLink> {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  pub.on('error', onError);
  sub.on('error', onError);
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (error) {
    pub.destroy();
    sub.destroy();
    throw new Error(`cannot reach Redis: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.adapter(createAdapter(pub, sub));
  return {
    serverId: randomUUID(),
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
