// `GET /api/categories` (a pchat addition to PROTOCOL §7): the categories the caller belongs to
// or may create rooms in, each with `canCreate`. The room-management pages need it to offer only
// categories where "Create room" can succeed, and the client to decide whether to show that
// button; the socket's rooms:list does not say who may create, and the admin API is admins-only.
import type { FastifyInstance } from 'fastify';
import type { Category } from '../domain';
import type { Services } from '../services';
import { canCreateIn, inCategory, isAdmin } from '../services/authorization';
import { toCategory } from '../services/category-service';
import { requireUser } from './request-helpers';

export type CategoryChoice = Category & { canCreate: boolean };

export function registerCategoryRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/categories', async (request): Promise<CategoryChoice[]> => {
    const { user } = await requireUser(services, request);
    const records = await services.categories.list();
    return records
      .filter((record) => isAdmin(user) || inCategory(user, record) || canCreateIn(user, record))
      .map((record) => ({ ...toCategory(record), canCreate: canCreateIn(user, record) }));
  });
}
