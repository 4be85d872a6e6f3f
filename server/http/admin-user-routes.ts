// §7 and §10 administration of user accounts: list, create, update (display name, password,
// roles, disabled) and revoke every session of a user. Users are named in paths, as everywhere
// else in the administration API, and matched case-insensitively.
import type { FastifyInstance } from 'fastify';
import { updateUserBodySchema, userNameParamsSchema } from '../../common/session-api';
import type { Services } from '../services';
import { parse, requireAdmin } from './request-helpers';
import { createUserBody } from './schemas';

export function registerAdminUserRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/admin/users', async (request) => {
    await requireAdmin(services, request);
    return services.accounts.list();
  });

  app.post('/api/admin/users', async (request, reply) => {
    await requireAdmin(services, request);
    return reply.status(201).send(await services.accounts.create(parse(createUserBody, request.body)));
  });

  app.patch('/api/admin/users/:name', async (request) => {
    await requireAdmin(services, request);
    const { name } = parse(userNameParamsSchema, request.params);
    return services.accounts.update(name, parse(updateUserBodySchema, request.body));
  });

  app.delete('/api/admin/users/:name/sessions', async (request, reply) => {
    await requireAdmin(services, request);
    await services.accounts.revokeSessions(parse(userNameParamsSchema, request.params).name);
    return reply.status(204).send();
  });
}
