// §1: sign in and out, hand-off codes, health.
import type { FastifyInstance } from 'fastify';
import { redeemBodySchema, signInBodySchema, type HealthResponse } from '../../common/protocol';
import type { Services } from '../services';
import { SERVER_VERSION } from '../version';
import { parse, requireUser } from './request-helpers';

export function registerSessionRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/session', async (request) => {
    const { user, password } = parse(signInBodySchema, request.body);
    return services.auth.signIn(user, password);
  });

  app.delete('/api/session', async (request, reply) => {
    const caller = await requireUser(services, request);
    await services.auth.signOut(caller.tokenHash);
    return reply.status(204).send();
  });

  app.post('/api/session/handoff', async (request) => {
    const caller = await requireUser(services, request);
    return services.auth.createHandoff(caller.user.id);
  });

  app.post('/api/session/redeem', async (request) => {
    const { code } = parse(redeemBodySchema, request.body);
    return services.auth.redeemHandoff(code);
  });

  app.get('/healthz', (): HealthResponse => ({ ok: true, version: SERVER_VERSION, pool: services.config.pool, site: services.config.site }));
}
