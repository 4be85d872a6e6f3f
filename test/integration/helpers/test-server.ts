// A real server on a random loopback port with its own temporary data directory (and, when
// PCHAT_TEST_POSTGRES_URL is set, its own throw-away PostgreSQL database).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StartOptions, startServer } from '../../../server/app';
import { POSTGRES_ADMIN_URL, type TempDatabase, createTempDatabase } from './postgres';

export const ADMIN_PASSWORD = 'admin-secret';

export interface TestServer {
  url: string;
  dataDir: string;
  /** The PostgreSQL URL when the server runs on PostgreSQL. */
  database?: string;
  close(): Promise<void>;
}

export async function startTestServer(options: Partial<StartOptions> & { postgresAdminUrl?: string } = {}): Promise<TestServer> {
  const { postgresAdminUrl = POSTGRES_ADMIN_URL, ...startOptions } = options;
  const dataDir = startOptions.dataDir ?? (await mkdtemp(join(tmpdir(), 'pchat-it-')));
  let temp: TempDatabase | undefined;
  if (startOptions.database === undefined && postgresAdminUrl !== undefined) temp = await createTempDatabase(postgresAdminUrl);
  const database = startOptions.database ?? temp?.url;
  /** What this helper made for the server: its throw-away database and data directory. */
  const discardOwn = async () => {
    await temp?.drop();
    if (startOptions.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
  };
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    webRoot: join(dataDir, 'no-web-build'),
    ...startOptions,
    database,
  }).catch(async (error: unknown) => {
    await discardOwn();
    throw error;
  });
  return {
    url: server.url,
    dataDir,
    database,
    async close() {
      await server.close();
      await discardOwn();
    },
  };
}
