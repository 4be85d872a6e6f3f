// Several servers behind one address (--redis): socket.io's Redis adapter carries room
// broadcasts, disconnects and server-to-server events between them. Redis pub/sub is
// at-most-once, so clients still repair gaps with messages:since; the database stays the truth.
//
// The clients are ioredis because it writes a command to the socket when it is issued; the
// `redis` package holds every command until setImmediate, so a broadcast published in the middle
// of a busy poll phase waited for the rest of it (2.7 ms at p50 with 200 focused readers, the
// largest part of the cross-server hop; bench/README.md, session 5).
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { ChatServer } from './types';

export interface ClusterLink {
  serverId: string;
  close(): Promise<void>;
}

export async function joinCluster(io: ChatServer, redisUrl: string, onError: (error: unknown) => void): Promise<ClusterLink> {
  let firstError: unknown;
  const connect = () => {
    const client = new Redis(redisUrl, { lazyConnect: true });
    client.on('error', (error: unknown) => {
      firstError ??= error;
      onError(error);
    });
    return client;
  };
  const pub = connect();
  const sub = connect();
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (error) {
    pub.disconnect();
    sub.disconnect();
    const cause = firstError ?? error;
    throw new Error(`cannot reach Redis: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  io.adapter(createAdapter(pub, sub));
  return {
    serverId: randomUUID(),
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
