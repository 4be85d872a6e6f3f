// The Fastify application: CORS for any origin (auth is by bearer token, never cookies), JSON
// bodies of bounded size, one error mapping, every route.
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { AppError } from '../errors';
import { isDiskFull } from '../disk-full';
import { unstorableText, urlContainsNul } from '../nul-guard';
import type { Services } from '../services';
import { registerAdminConfigRoutes } from './admin-config-routes';
import { registerAdminExportRoutes } from './admin-export-routes';
import { registerAdminMessageRoutes } from './admin-message-routes';
import { registerAdminRoutes } from './admin-routes';
import { registerAdminUserRoutes } from './admin-user-routes';
import { registerCategoryRoutes } from './category-routes';
import { registerFileRoutes } from './file-routes';
import { httpTimeoutOptions } from './http-timeouts';
import { registerRoomRoutes } from './room-routes';
import { registerSessionRoutes } from './session-routes';
import { addSecurityHeaders, registerWebRoutes, setSecurityHeaders } from './web-routes';
import { registerManageRoutes } from '../manage/manage-routes';

export const JSON_BODY_LIMIT = 1_048_576;

export async function buildHttpApp(services: Services, options: { webRoot: string; log: boolean; idleTimeoutMs?: number }): Promise<FastifyInstance> {
  const app = Fastify({
    ...httpTimeoutOptions(options.idleTimeoutMs),
    // Without --log-style verbosity, still report real failures (500s, crashed handlers) — on
    // stderr, because stdout carries the one `listening on` line tools wait for.
    logger: options.log ? true : { level: 'error', stream: process.stderr },
    bodyLimit: JSON_BODY_LIMIT,
    forceCloseConnections: true,
    // A malformed URL (`/api/rooms/%`) or an over-long path parameter is refused by the router
    // before any route runs; answer it in the protocol's error shape, not Fastify's own.
    frameworkErrors: (error, _request, reply) => {
      // The router answers before any hook runs, so it sets the usual headers itself.
      setSecurityHeaders(reply);
      void (reply as FastifyReply).status(400).send({ error: { code: 'bad_request', message: error.message } });
    },
  });

  // An empty body with a JSON content type (e.g. a DELETE from fetch) is no body, not an error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return done(new AppError('bad_request', 'the body is not valid JSON'), undefined);
    }
    const unstorable = unstorableText(parsed);
    if (unstorable !== undefined) return done(new AppError('bad_request', unstorable), undefined);
    done(null, parsed);
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, ...error.extra } });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.status(413).send({ error: { code: 'too_large', message: 'the request body is too large' } });
    if (status >= 400 && status < 500) return reply.status(400).send({ error: { code: 'bad_request', message: error.message } });
    // "disk full" in the log with the reason; the answer never carries errno text.
    if (isDiskFull(error)) request.log.error({ err: error }, 'disk full');
    else request.log.error(error);
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
  });

  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: { code: 'not_found', message: 'no such resource' } }));

  addSecurityHeaders(app);
  app.addHook('onRequest', (request, _reply, done) => {
    done(urlContainsNul(request.url) ? new AppError('bad_request', 'the address must not contain U+0000') : undefined);
  });
  await app.register(cors, { origin: '*', credentials: false, methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] });
  // Limits are set per upload from the effective maxFileSizeKB; these are only the fallback.
  await app.register(multipart, { limits: { files: 1, fields: 10, parts: 20 } });
  registerSessionRoutes(app, services);
  registerFileRoutes(app, services);
  registerAdminConfigRoutes(app, services);
  registerAdminRoutes(app, services);
  registerAdminUserRoutes(app, services);
  registerAdminExportRoutes(app, services);
  registerAdminMessageRoutes(app, services);
  registerRoomRoutes(app, services);
  registerCategoryRoutes(app, services);
  await registerManageRoutes(app); // before the web client's catch-all, so /manage is not swallowed
  await registerWebRoutes(app, options.webRoot);
  return app;
}
