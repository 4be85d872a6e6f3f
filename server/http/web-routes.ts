// The web client (the renderer build) at `/`, with a strict CSP. Without a build, `/` explains
// how to make one instead of failing.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WEB_CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: wss: http: https:",
  'frame-src http: https:',
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MISSING_BUILD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pchat</title></head>
<body><h1>pchat server</h1><p>The web client has not been built. Run <code>npm run build</code>, then reload.</p></body></html>`;

/** The headers every answer starts with (the router's own 400s included, see http-app.ts). */
export function setSecurityHeaders(reply: FastifyReply): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  // Links out of the app (and add-ins it frames) never learn which page or token-carrying URL
  // they came from (issue 9 #12).
  reply.header('Referrer-Policy', 'no-referrer');
  // Every response carries the app's policy, `frame-ancestors 'none'` included: nothing on the
  // app's origin may be framed, so an add-in that redirects its frame here gets no page running
  // with the app's rights (issue 9 #10; the demo add-in has its own origin, demo-addin-server.ts).
  reply.header('Content-Security-Policy', WEB_CSP);
  reply.header('X-Frame-Options', 'DENY');
}

/** Security headers on every response; call before any route is registered. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => setSecurityHeaders(reply));
}

export async function registerWebRoutes(app: FastifyInstance, webRoot: string): Promise<void> {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(MISSING_BUILD));
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: ['index.html'] });
  // Permalinks (PROTOCOL §11): /r/<roomId>/<seq> is the web client too, which opens that room at
  // that message. The build's asset paths are relative ("./assets/…", so the desktop app can load
  // it from its own scheme); from /r/x/y they would point under /r/x/, so this copy points them
  // at the root instead.
  const permalinkPage = rootedAssetPaths(readFileSync(index, 'utf8'));
  app.get('/r/*', (_request, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(permalinkPage));
}

/** index.html with its "./" asset references made absolute ("/"). */
export function rootedAssetPaths(html: string): string {
  return html.replace(/(\s(?:src|href)=["'])\.\//g, '$1/');
}
