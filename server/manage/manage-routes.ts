// The built-in room-management pages (DESIGN §1 item 5) at `/manage`: the Vite build of
// server/manage/web (out/manage) with a CSP stricter than the web client's — these pages only
// ever talk to this server and never frame anything. Every path under /manage that is not a
// built asset gets index.html, so the SPA's own addresses (/manage/rooms/<id>) survive a reload.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MANAGE_CSP = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** `<repo>/out/manage`, found from this file the way server/app.ts finds out/renderer. */
export const DEFAULT_MANAGE_ROOT = fileURLToPath(new URL('../../out/manage', import.meta.url));

const MISSING_BUILD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pchat room management</title></head>
<body><h1>Room management</h1><p>The room-management pages have not been built. Run <code>npm run build</code>
(or <code>npx vite build --config server/manage/vite.config.ts</code>), then reload.</p></body></html>`;

export async function registerManageRoutes(app: FastifyInstance, root: string = DEFAULT_MANAGE_ROOT): Promise<void> {
  // Encapsulated: the hook and the second static instance stay inside /manage.
  await app.register(async (scope) => {
    // Runs after the app-wide security hook, so this policy replaces the web client's here.
    scope.addHook('onRequest', async (_request, reply) => {
      reply.header('Content-Security-Policy', MANAGE_CSP);
      reply.header('Referrer-Policy', 'no-referrer');
    });

    // Read on each request rather than at start: a build made after the server started is
    // picked up without a restart, and a missing build explains itself.
    const sendIndex = async (_request: unknown, reply: FastifyReply) => {
      const index = join(root, 'index.html');
      reply.header('Cache-Control', 'no-store');
      if (!existsSync(index)) return reply.type('text/html; charset=utf-8').send(MISSING_BUILD);
      return reply.type('text/html; charset=utf-8').send(await readFile(index, 'utf8'));
    };

    scope.get('/manage', (_request, reply) => reply.redirect('/manage/'));
    scope.get('/manage/', sendIndex);
    scope.get('/manage/*', sendIndex);
    // Registered even before a build exists, so a build made later is served without a restart.
    // decorateReply: false — the web client's static instance already decorates the reply.
    await scope.register(fastifyStatic, { root: join(root, 'assets'), prefix: '/manage/assets/', decorateReply: false, index: false });
  });
}
