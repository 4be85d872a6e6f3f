// The servers a benchmark measures, each in its own child process started through its command
// line (PROTOCOL §8) by test/support/server-process.ts: pchat on SQLite or a fresh PostgreSQL
// database, and the bare socket.io baseline. Each comes with its pid, for /proc readings.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServerProcess } from '../../test/support/server-process';
import { AdminApi, type Credentials } from './admin-api';
import { childPid } from './proc-stats';
import { onExit, type Store } from './run-guard';

const ADMIN_PASSWORD = 'bench-admin-password';
const DEFAULT_POSTGRES = 'postgres://pchat:pchat@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.PCHAT_BENCH_REDIS_URL || process.env.PCHAT_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export interface BenchServer {
  /** What the tables call it, e.g. "pchat (sqlite)". */
  label: string;
  kind: 'pchat' | 'bare';
  url: string;
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Users who may sign in (the bare server signs in any name). */
  createUsers(prefix: string, count: number): Promise<Credentials[]>;
  /** An open room in a category that allows everyone; returns its id. */
  createOpenRoom(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface ServerEnv {
  /** Extra environment, e.g. NODE_OPTIONS for a measuring preload. */
  env?: Record<string, string>;
}

async function withPg<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database for one run, dropped by `drop()`. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.PCHAT_BENCH_POSTGRES_URL || process.env.PCHAT_TEST_POSTGRES_URL || DEFAULT_POSTGRES;
  const name = `pchat_bench_${randomBytes(5).toString('hex')}`;
  try {
    await withPg(adminUrl, (client) => client.query(`create database ${name}`));
  } catch (error) {
    throw new Error(
      `no PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ':…@')} (${String(error)}). ` +
        'Start one with `bash scripts/ci-services.sh` or set PCHAT_BENCH_POSTGRES_URL to a role that may create databases.',
    );
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withPg(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export interface PchatOptions extends ServerEnv {
  store: Store;
  /** `--redis URL`: join a cluster. */
  redis?: string;
  /** Share this PostgreSQL database instead of creating one (the second server of a cluster). */
  databaseUrl?: string;
}

export interface PchatServer extends BenchServer {
  /** The PostgreSQL database it uses, for a second server; undefined on SQLite. */
  databaseUrl: string | undefined;
}

export async function startPchat({ store, redis, databaseUrl, env = {} }: PchatOptions): Promise<PchatServer> {
  // Each server has its own data directory: it is also how we find its pid.
  const dataDir = await mkdtemp(join(tmpdir(), 'pchat-bench-'));
  const database = store === 'postgres' && databaseUrl === undefined ? await freshPostgres() : undefined;
  const dbUrl = databaseUrl ?? database?.url;
  const args = ['--port', '0', '--data', dataDir, ...(dbUrl ? ['--database', dbUrl] : []), ...(redis ? ['--redis', redis] : [])];
  const server = await startServerProcess({ args, env: { PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env } }).catch(async (error: unknown) => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const forget = onExit(() => void server.kill('SIGKILL'));
  const pid = childPid(dataDir);
  let admin: Promise<AdminApi> | undefined;
  const api = () => (admin ??= AdminApi.signIn(server.url, ADMIN_PASSWORD));
  let categoryId: Promise<string> | undefined;
  return {
    label: `pchat (${store})`,
    kind: 'pchat',
    url: server.url,
    pid,
    output: () => server.output(),
    databaseUrl: dbUrl,
    createUsers: async (prefix, count) => (await api()).createUsers(prefix, count),
    createOpenRoom: async (name) => {
      categoryId ??= api().then((a) => a.createCategory(`Bench ${randomBytes(3).toString('hex')}`));
      return (await api()).createOpenRoom(name, await categoryId);
    },
    close: async () => {
      await server.kill('SIGTERM').catch(() => server.kill('SIGKILL'));
      forget();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startBare({ env = {} }: ServerEnv = {}): Promise<BenchServer> {
  const tag = `bare-${randomBytes(6).toString('hex')}`;
  const server = await startServerProcess({ script: 'bench/support/bare-socketio-server.ts', args: ['--tag', tag], env });
  const forget = onExit(() => void server.kill('SIGKILL'));
  return {
    label: 'bare socket.io',
    kind: 'bare',
    url: server.url,
    pid: childPid(tag),
    output: () => server.output(),
    createUsers: (prefix, count) => Promise.resolve(Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i}`, password: 'any' }))),
    createOpenRoom: (name) => Promise.resolve(`bare-room-${name}`),
    close: async () => {
      await server.kill('SIGTERM').catch(() => server.kill('SIGKILL'));
      forget();
    },
  };
}
