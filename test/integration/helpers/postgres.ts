// Throw-away PostgreSQL databases for tests: one per server, dropped afterwards.
// Set PCHAT_TEST_POSTGRES_URL (e.g. postgres://pchat:pchat@127.0.0.1/postgres) to run the whole
// integration suite on PostgreSQL; test/integration/postgres.test.ts also tries that default.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// An empty value means "not set", as it does for most tools.
export const POSTGRES_ADMIN_URL = process.env.PCHAT_TEST_POSTGRES_URL || undefined;

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withClient<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTempDatabase(adminUrl: string): Promise<TempDatabase> {
  const name = `pchat_it_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** True when a PostgreSQL server answers at adminUrl. */
export async function postgresReachable(adminUrl: string): Promise<boolean> {
  try {
    await withClient(adminUrl, (c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}
