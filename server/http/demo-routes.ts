// The demo add-in page (`--demo` points the "Tickers" add-in here). It is framed by the client,
// so it gets its own policy: no frame-ancestors restriction, scripts only from this server.
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';

const ADDIN_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

const FILES: Record<string, string> = {
  'ticker-addin.html': 'text/html; charset=utf-8',
  'ticker-addin.js': 'text/javascript; charset=utf-8',
};

export function registerDemoRoutes(app: FastifyInstance): void {
  for (const [name, type] of Object.entries(FILES)) {
    const url = new URL(`../demo/web/${name}`, import.meta.url);
    app.get(`/demo/${name}`, async (_request, reply) =>
      reply.type(type).header('Content-Security-Policy', ADDIN_CSP).header('Cache-Control', 'no-cache').send(await readFile(url)),
    );
  }
}
