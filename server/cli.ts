// `npm run server -- [--host H] [--port P] [--data DIR] [--site S] [--pool P] [--demo]`
// (PROTOCOL.md §8). Prints exactly one `listening on http://HOST:PORT` line once it accepts
// connections, and `recent messages in memory: …` once it has read the rooms' newest pages
// (services/recent-messages.ts); SIGINT/SIGTERM close everything and exit 0; bad flags exit 2.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './app';

const USAGE = `usage: npm run server -- [--host 127.0.0.1] [--port 4100] [--data ./data] [--database postgres://…] [--redis redis://…] [--site NAME] [--pool NAME] [--demo]
  PCHAT_ADMIN_PASSWORD=…  creates or resets the user "admin" at start`;

function fail(message: string): never {
  process.stderr.write(`pchat server: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4100' },
        data: { type: 'string', default: './data' },
        site: { type: 'string', default: 'default' },
        pool: { type: 'string', default: 'default' },
        demo: { type: 'boolean', default: false },
        database: { type: 'string' },
        redis: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.database !== undefined && !/^postgres(ql)?:\/\//.test(values.database)) fail('--database must be a postgres:// URL');
  if (values.redis !== undefined && !/^rediss?:\/\//.test(values.redis)) fail('--redis must be a redis:// URL');
  if (values.redis !== undefined && values.database === undefined) process.stderr.write('pchat server: --redis without --database: every server must use the same --data directory\n');
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) fail(`--port must be 0..65535, got "${values.port}"`);
  for (const [flag, value] of [['site', values.site], ['pool', values.pool]] as const) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value)) fail(`--${flag} must be letters, digits, ".", "_" or "-"`);
  }
  if (values.host.trim() === '') fail('--host must not be empty');
  // An empty --data would put the database in whatever directory the server was started from.
  if (values.database === undefined && values.data.trim() === '') fail('--data must name a directory for the database and files');
  return { ...values, port: Number(values.port) };
}

async function main(): Promise<void> {
  const options = readOptions();
  const server = await startServer({
    host: options.host,
    port: options.port,
    dataDir: resolve(options.data),
    database: options.database,
    redis: options.redis,
    site: options.site,
    pool: options.pool,
    demo: options.demo,
    adminPassword: process.env.PCHAT_ADMIN_PASSWORD,
  });
  if (server.demoSignIns?.length) {
    process.stdout.write(`demo sign-ins: ${server.demoSignIns.map((s) => `${s.user} / ${s.password}`).join(', ')}\n`);
  } else if (options.demo) {
    process.stdout.write('demo data already present (alice / alice, bob / bob, carol / carol)\n');
  }
  process.stdout.write(`listening on ${server.url}\n`);
  void server.warmed.then((held) => {
    if (held) process.stdout.write(`recent messages in memory: ${held.rooms} rooms, ${(held.bytes / 1048576).toFixed(1)} MB, in ${Math.round(held.ms)} ms\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`pchat server: ${signal}, closing\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`pchat server: error while closing: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`pchat server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
