// §7 administration: categories, add-ins, room deletion (users: admin-user-routes.ts).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services';
import { parse, requireAdmin, requireUser } from './request-helpers';
import { createAddinBody, createCategoryBody, idParams, updateAddinBody, updateCategoryBody } from './schemas';

export function registerAdminRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/admin/categories', async (request) => {
    await requireAdmin(services, request);
    return services.categories.list();
  });

  app.post('/api/admin/categories', async (request, reply) => {
    await requireAdmin(services, request);
    return reply.status(201).send(await services.categories.create(parse(createCategoryBody, request.body)));
  });

  app.patch('/api/admin/categories/:id', async (request) => {
    await requireAdmin(services, request);
    const { id } = parse(idParams, request.params);
    return services.categories.update(id, parse(updateCategoryBody, request.body));
  });

  app.get('/api/addins', async (request) => {
    await requireUser(services, request);
    return services.addins.list();
  });

  app.post('/api/admin/addins', async (request, reply) => {
    await requireAdmin(services, request);
    return reply.status(201).send(await services.addins.create(parse(createAddinBody, request.body)));
  });

  app.patch('/api/admin/addins/:id', async (request) => {
    await requireAdmin(services, request);
    const { id } = parse(idParams, request.params);
    return services.addins.update(id, parse(updateAddinBody, request.body));
  });

  app.delete('/api/admin/addins/:id', async (request, reply) => {
    await requireAdmin(services, request);
    await services.addins.delete(parse(idParams, request.params).id);
    return reply.status(204).send();
  });

  app.delete('/api/admin/rooms/:id', async (request, reply) => {
    const caller = await requireAdmin(services, request);
    await services.rooms.delete(caller.user, parse(idParams, request.params).id);
    return reply.status(204).send();
  });
}
