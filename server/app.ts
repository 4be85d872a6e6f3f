// Starts a complete server (storage, services, HTTP, socket.io) and returns how to stop it.
// Used by the CLI and, in process, by the integration tests.
import { fileURLToPath } from 'node:url';
import { buildHttpApp } from './http/http-app';
import { createServices } from './services';
import type { FileOptions } from './services/file-service';
import { startFileSweeper } from './services/file-sweeper';
import { startDemoAddinServer } from './demo/demo-addin-server';
import { seedDemo } from './demo/seed-demo';
import { attachSocketServer } from './socket/socket-server';
import { openPostgresStorage } from './storage/postgres-storage';
import type { Storage } from './storage/repositories';
import { openSqliteStorage } from './storage/sqlite-storage';

export interface StartOptions {
  host: string;
  port: number;
  dataDir: string;
  /** postgres:// URL; without it everything is kept in SQLite under dataDir. Files always go to dataDir. */
  database?: string;
  /** redis:// URL: run as one of several servers sharing the database (socket.io Redis adapter). */
  redis?: string;
  site?: string;
  pool?: string;
  demo?: boolean;
  adminPassword?: string;
  webRoot?: string;
  log?: boolean;
  /** Internal (tests): how long a connection may send nothing mid-request (default 30 s, §10). */
  httpIdleTimeoutMs?: number;
  /** Internal (tests): upload limits and file clean-up times (defaults: §10). */
  files?: Partial<FileOptions>;
  /** Internal (tests): the sessions' clock, ms since the epoch (default Date.now), so expiry is tested without waiting. */
  sessionClock?: () => number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  /** Demo sign-ins when --demo seeded an empty database (for printing). */
  demoSignIns?: { user: string; password: string }[];
  /**
   * Settles once the newest messages of the rooms are in memory (services/recent-messages.ts),
   * with what it holds; never rejects (a failure is logged and the joins read the store).
   */
  warmed: Promise<{ rooms: number; bytes: number; ms: number } | null>;
}

/**
 * How often a server without the cluster link re-reads the configuration that another server
 * sharing its store may have changed (with --redis, servers tell each other instead).
 */
const CONFIG_POLL_MS = 2000;

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../out/renderer', import.meta.url));

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const storage = await openStorage(options);
  try {
    // Services report background failures before the HTTP app (and its logger) exists.
    let logError = (what: string, error: unknown) => console.error(what, error);
    const clustered = options.redis !== undefined;
    const services = await createServices(storage, {
      dataDir: options.dataDir,
      site: options.site ?? 'default',
      pool: options.pool ?? 'default',
      clustered,
      onError: (what, error) => logError(what, error),
      files: options.files,
      sessionClock: options.sessionClock,
    });
    if (options.adminPassword !== undefined && options.adminPassword !== '') await services.accounts.ensureAdmin(options.adminPassword);
    const app = await buildHttpApp(services, {
      webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
      log: options.log ?? false,
      idleTimeoutMs: options.httpIdleTimeoutMs,
    });
    logError = (what, error) => app.log.error({ err: error }, what);
    const sockets = await attachSocketServer(app.server, services, (message, error) => app.log.error({ err: error }, message), {
      redisUrl: options.redis,
    }).catch(async (error: unknown) => {
      // e.g. --redis names a Redis that does not answer: leave nothing running behind the error.
      await app.close();
      await services.close();
      throw error;
    });
    // Issue 9 #10, #12: socket.io's own HTTP answers (polling, handshakes) get the rules every
    // Fastify answer has (web-routes.ts): no referrer, no sniffing, never framed.
    sockets.io.engine.on('headers', (headers: Record<string, string>) => {
      headers['Referrer-Policy'] = 'no-referrer';
      headers['X-Content-Type-Options'] = 'nosniff';
      headers['Content-Security-Policy'] = "default-src 'none'; frame-ancestors 'none'";
    });
    const stopWatching = clustered
      ? () => Promise.resolve()
      : services.config.watch(CONFIG_POLL_MS, (error) => app.log.error({ err: error }, 'config refresh failed'));
    try {
      await app.listen({ host: options.host, port: options.port });
    } catch (error) {
      await stopWatching();
      await sockets.close();
      await app.close();
      throw error;
    }
    // Every room's newest page into memory, in the background (recent-messages.ts).
    let closed = false;
    const warmStarted = performance.now();
    const warming = services.messages.warmRecent(() => closed).then(
      (held) => ({ ...held, ms: performance.now() - warmStarted }),
      (error: unknown) => {
        app.log.error({ err: error }, 'warming the recent messages failed');
        return null;
      },
    );
    const stopSweeping = startFileSweeper(services.files, (error) => app.log.error({ err: error }, 'file clean-up failed'));
    const address = app.server.address();
    const port = address !== null && typeof address === 'object' ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    const url = `http://${host}:${port}`;
    // The demo add-in gets a listener of its own: another origin than the app (issue 9 #10).
    const demoAddin = options.demo ? await startDemoAddinServer(options.host, reachableHost(options.host)) : undefined;
    const demoSignIns = demoAddin ? await seedDemo(services, demoAddin.origin) : undefined;

    let closing: Promise<void> | undefined;
    return {
      url,
      demoSignIns,
      warmed: warming,
      close() {
        closing ??= (async () => {
          closed = true;
          await stopWatching();
          await stopSweeping();
          await sockets.close();
          await app.close();
          await demoAddin?.close();
          await warming;
          await services.close();
          await storage.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

function openStorage(options: StartOptions): Promise<Storage> {
  if (options.database === undefined) return openSqliteStorage(options.dataDir);
  if (!/^postgres(ql)?:\/\//.test(options.database)) throw new Error('--database must be a postgres:// URL');
  return openPostgresStorage(options.database);
}

/** A wildcard bind address is not something a browser can open; use loopback for links. */
function reachableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
}
