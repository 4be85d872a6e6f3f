// §7 export: rooms, categories, add-ins, users (without secrets) and messages as JSON. §11: each
// message carries its earlier texts (`edits`, oldest first) and `removed` lists every removal.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services';
import { toUser } from '../services/auth-service';
import { parse, requireAdmin } from './request-helpers';
import { exportQuery } from './schemas';

export function registerAdminExportRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/admin/export', async (request) => {
    await requireAdmin(services, request);
    const query = parse(exportQuery, request.query);
    const { storage } = services;
    const [allCategories, allRooms, addins, users] = await Promise.all([
      storage.categories.list(),
      storage.rooms.list(),
      storage.addins.list(),
      storage.users.list(),
    ]);
    const categories =
      query.category === undefined ? allCategories : allCategories.filter((c) => c.id === query.category || c.name === query.category);
    const categoryIds = new Set(categories.map((c) => c.id));
    const rooms = allRooms.filter((r) => categoryIds.has(r.categoryId));
    const filter = { roomIds: rooms.map((r) => r.id), from: query.from && new Date(query.from).toISOString() };
    const [messages, edits, removed] = await Promise.all([
      storage.messages.list(filter),
      storage.messageActions.edits(filter),
      storage.messageActions.removals(filter),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      categories,
      rooms,
      addins,
      users: users.map(toUser),
      messages: messages.map((message) => ({ ...message, edits: edits.get(message.id) ?? [] })),
      removed,
    };
  });
}
