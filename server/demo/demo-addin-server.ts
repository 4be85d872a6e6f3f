// The demo ticker add-in (`--demo`) on a listener of its own: another port, so another origin
// than the web client whatever host name the user types (issue 9 #10). The app's own origin no
// longer serves it at all: every page there carries `frame-ancestors 'none'`, so an add-in that
// redirects its frame to the app's origin finds nothing it could run with the app's rights.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Framed by the client, so no frame-ancestors; scripts only from this origin, nothing else fetched. */
export const ADDIN_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

const FILES: Record<string, string> = {
  '/demo/ticker-addin.html': 'text/html; charset=utf-8',
  '/demo/ticker-addin.js': 'text/javascript; charset=utf-8',
};

export interface DemoAddinServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** Listens on `host`, a free port; `reachableHost` is the name a browser uses to reach it. */
export async function startDemoAddinServer(host: string, reachableHost: string): Promise<DemoAddinServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const type = FILES[path];
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (type === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    readFile(new URL(`./web/${path.slice('/demo/'.length)}`, import.meta.url)).then(
      (body) => {
        response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': ADDIN_CSP, 'Cache-Control': 'no-cache' });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => response.writeHead(500).end(),
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const name = reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost;
  return {
    origin: `http://${name}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
