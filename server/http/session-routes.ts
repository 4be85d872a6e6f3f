// §1 and §10: sign in and out, hand-off codes, the caller's sessions and password, health.
// Every answer that carries a token says `Cache-Control: no-store`: no cache or proxy keeps one.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { redeemBodySchema, signInBodySchema, type HealthResponse } from '../../common/protocol';
import { changePasswordBodySchema, type SessionsResponse } from '../../common/session-api';
import { AppError } from '../errors';
import type { Services } from '../services';
import { SERVER_VERSION } from '../version';
import { idParams } from './schemas';
import { parse, requireUser } from './request-helpers';

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** A throttled answer also says when to come back, in the standard header too. */
async function throttled<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const retryAfterS = error instanceof AppError ? error.extra?.retryAfterS : undefined;
    if (typeof retryAfterS === 'number') void reply.header('retry-after', String(retryAfterS));
    throw error;
  }
}

export function registerSessionRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/session', async (request, reply) => {
    noStore(reply);
    const { user, password } = parse(signInBodySchema, request.body);
    return throttled(reply, () => services.auth.signIn(user, password, request.ip));
  });

  app.delete('/api/session', async (request, reply) => {
    const caller = await requireUser(services, request);
    await services.auth.signOut(caller.tokenHash);
    return reply.status(204).send();
  });

  app.post('/api/session/handoff', async (request, reply) => {
    noStore(reply);
    const caller = await requireUser(services, request);
    return services.auth.createHandoff(caller);
  });

  app.post('/api/session/redeem', async (request, reply) => {
    noStore(reply);
    const { code } = parse(redeemBodySchema, request.body);
    return services.auth.redeemHandoff(code);
  });

  app.get('/api/sessions', async (request, reply): Promise<SessionsResponse> => {
    noStore(reply);
    const caller = await requireUser(services, request);
    return { sessions: await services.auth.listSessions(caller) };
  });

  app.delete('/api/sessions/:id', async (request, reply) => {
    const caller = await requireUser(services, request);
    await services.auth.revokeSession(caller, parse(idParams, request.params).id);
    return reply.status(204).send();
  });

  app.delete('/api/sessions', async (request, reply) => {
    const caller = await requireUser(services, request);
    await services.auth.revokeAll(caller.user.id);
    return reply.status(204).send();
  });

  app.put('/api/me/password', async (request, reply) => {
    const caller = await requireUser(services, request);
    const { current, next } = parse(changePasswordBodySchema, request.body);
    await throttled(reply, () => services.auth.changePassword(caller, current, next, request.ip));
    return reply.status(204).send();
  });

  app.get('/healthz', (): HealthResponse => ({ ok: true, version: SERVER_VERSION, pool: services.config.pool, site: services.config.site }));
}
