// Seeded databases kept between runs, so a rerun measures in seconds instead of seeding again.
// Keyed by what was seeded (name + sizes) and by the server's schema (the migration files): a new
// migration means a new seed. Each run works on its own copy, because the benchmark writes
// (sends, read markers) and the next run must start from the same data.
//   SQLite:     <tmp>/pchat-bench-cache/<name>-sqlite-<key>/{data/,meta.json}; a run copies data/.
//   PostgreSQL: a template database pchat_bench_<name>_<key> (+ <tmp>/…/<name>-postgres-<key>.json);
//               a run is CREATE DATABASE … TEMPLATE, dropped at the end.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../test/support/server-process';
import { onExit, type Store } from '../support/run-guard';
import { type BulkWriter, openPostgresWriter, openSqliteWriter } from './bulk-writer';

const CACHE_ROOT = join(tmpdir(), 'pchat-bench-cache');
const DEFAULT_POSTGRES = 'postgres://pchat:pchat@127.0.0.1:5432/postgres';
const RUN_DB_PREFIX = 'pchat_bench_scale_run_';

/** Where a seed or a run keeps its data: the server's --data (and --database) and a direct writer. */
export interface StoreTarget {
  dataDir: string;
  databaseUrl: string | undefined;
  /** The server's command-line arguments for this store (without --port). */
  serverArgs(): string[];
  openWriter(): Promise<BulkWriter>;
}

export interface PreparedStore<M> {
  meta: M;
  /** Seconds spent seeding, or 'cache'. */
  seeded: number | 'cache';
  run: StoreTarget;
  drop(): Promise<void>;
}

export interface SeedSpec<M> {
  store: Store;
  /** Names the data set including its sizes, e.g. "scale-100x100000" (letters, digits, "-"). */
  name: string;
  /** Reseed even when a cached copy exists. */
  fresh: boolean;
  seed(target: StoreTarget): Promise<M>;
}

function target(dataDir: string, databaseUrl?: string): StoreTarget {
  return {
    dataDir,
    databaseUrl,
    serverArgs: () => ['--data', dataDir, ...(databaseUrl ? ['--database', databaseUrl] : [])],
    openWriter: () => (databaseUrl ? openPostgresWriter(databaseUrl) : Promise.resolve(openSqliteWriter(dataDir))),
  };
}

/** The schema's fingerprint: every migration file, so any new or changed migration reseeds. */
function schemaKey(name: string): string {
  const hash = createHash('sha256').update(name);
  const dir = join(REPO_ROOT, 'server', 'storage', 'migrations');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 10);
}

/** Older seeds of the same data set (an earlier schema) only take disk space. */
function removeStale(prefix: string, keep: string): void {
  if (!existsSync(CACHE_ROOT)) return;
  for (const entry of readdirSync(CACHE_ROOT)) {
    if (entry.startsWith(prefix) && !entry.startsWith(keep)) rmSync(join(CACHE_ROOT, entry), { recursive: true, force: true });
  }
}

export async function preparedStore<M>(spec: SeedSpec<M>): Promise<PreparedStore<M>> {
  return spec.store === 'sqlite' ? preparedSqlite(spec) : preparedPostgres(spec);
}

async function preparedSqlite<M>(spec: SeedSpec<M>): Promise<PreparedStore<M>> {
  const prefix = `${spec.name}-sqlite-`;
  const dir = join(CACHE_ROOT, prefix + schemaKey(spec.name));
  let seeded: number | 'cache' = 'cache';
  if (spec.fresh || !existsSync(join(dir, 'meta.json'))) {
    removeStale(prefix, dir.slice(CACHE_ROOT.length + 1));
    await rm(dir, { recursive: true, force: true });
    const building = `${dir}.building-${process.pid}`;
    const forget = onExit(() => rmSync(building, { recursive: true, force: true }));
    await mkdir(join(building, 'data'), { recursive: true });
    const started = performance.now();
    const meta = await spec.seed(target(join(building, 'data')));
    await writeFile(join(building, 'meta.json'), JSON.stringify(meta));
    await rename(building, dir);
    forget();
    seeded = (performance.now() - started) / 1000;
  }
  const runDir = await mkdtemp(join(tmpdir(), 'pchat-bench-run-'));
  const forget = onExit(() => rmSync(runDir, { recursive: true, force: true }));
  await cp(join(dir, 'data'), join(runDir, 'data'), { recursive: true });
  return {
    meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as M,
    seeded,
    run: target(join(runDir, 'data')),
    drop: async () => {
      await rm(runDir, { recursive: true, force: true });
      forget();
    },
  };
}

const adminUrl = () => process.env.PCHAT_BENCH_POSTGRES_URL || process.env.PCHAT_TEST_POSTGRES_URL || DEFAULT_POSTGRES;

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `no PostgreSQL at ${adminUrl().replace(/:[^:@/]*@/, ':…@')} (${String(error)}). ` +
        'Start one with `bash scripts/ci-services.sh` or set PCHAT_BENCH_POSTGRES_URL to a role that may create databases.',
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL backends serving `databaseUrl` now (the server's pool), for CPU readings. */
export async function backendPids(databaseUrl: string): Promise<number[]> {
  const name = new URL(databaseUrl).pathname.slice(1);
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
    return rows.map((row) => row.pid);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function preparedPostgres<M>(spec: SeedSpec<M>): Promise<PreparedStore<M>> {
  const key = schemaKey(spec.name);
  const base = `pchat_bench_${spec.name.replace(/-/g, '_')}_`;
  const template = `${base}${key}`.slice(0, 63);
  const metaFile = join(CACHE_ROOT, `${spec.name}-postgres-${key}.json`);
  const runDb = `${RUN_DB_PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
  let seeded: number | 'cache' = 'cache';
  await withAdmin(async (client) => {
    // Run copies left behind by a killed benchmark.
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like '${RUN_DB_PREFIX}%'`);
    for (const { datname } of rows) {
      if (!alive(Number(datname.slice(RUN_DB_PREFIX.length).split('_')[0]))) await client.query(`drop database if exists ${datname} with (force)`);
    }
    const exists = (await client.query('select 1 from pg_database where datname = $1', [template])).rowCount === 1;
    if (!spec.fresh && exists && existsSync(metaFile)) return;
    const stale = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [base]);
    for (const { datname } of stale.rows) await client.query(`drop database if exists ${datname} with (force)`);
    const building = `${template.slice(0, 61)}_b`;
    await client.query(`create database ${building}`);
    const dataDir = await mkdtemp(join(tmpdir(), 'pchat-bench-seed-'));
    const started = performance.now();
    const meta = await spec.seed(target(dataDir, databaseUrl(building)));
    await rm(dataDir, { recursive: true, force: true });
    await client.query(`alter database ${building} rename to ${template}`);
    await mkdir(CACHE_ROOT, { recursive: true });
    await writeFile(metaFile, JSON.stringify(meta));
    seeded = (performance.now() - started) / 1000;
  });
  await withAdmin((client) => client.query(`create database ${runDb} template ${template}`));
  const dataDir = await mkdtemp(join(tmpdir(), 'pchat-bench-run-'));
  const forget = onExit(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    meta: JSON.parse(readFileSync(metaFile, 'utf8')) as M,
    seeded,
    run: target(dataDir, databaseUrl(runDb)),
    drop: async () => {
      await withAdmin((client) => client.query(`drop database if exists ${runDb} with (force)`));
      await rm(dataDir, { recursive: true, force: true });
      forget();
    },
  };
}
