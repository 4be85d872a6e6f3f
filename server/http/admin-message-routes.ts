// §7 message administration: clear a room, remove or rewrite messages.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services';
import { parse, requireAdmin } from './request-helpers';
import { clearBody, idParams, removeMessagesBody } from './schemas';

export function registerAdminMessageRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/admin/rooms/:id/clear', async (request) => {
    const { user } = await requireAdmin(services, request);
    const { id } = parse(idParams, request.params);
    const { before } = parse(clearBody, request.body);
    return { removed: await services.messageAdmin.clear(id, before, user.id) };
  });

  app.post('/api/admin/rooms/:id/remove-messages', async (request) => {
    const { user } = await requireAdmin(services, request);
    const { id } = parse(idParams, request.params);
    return { removed: await services.messageAdmin.remove(id, user.id, parse(removeMessagesBody, request.body)) };
  });
}
