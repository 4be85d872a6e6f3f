// §7 room management for creators, managers and administrators.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services';
import { can } from '../services/authorization';
import { toManagedDetail } from '../services/room-views';
import { parse, requireUser } from './request-helpers';
import { createRoomBody, idParams, roomQuery, updateRoomBody } from './schemas';

const NONE: ReadonlySet<string> = new Set();

export function registerRoomRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/rooms', async (request) => {
    const { user } = await requireUser(services, request);
    return services.rooms.listFor(user, NONE, parse(roomQuery, request.query).q);
  });

  app.post('/api/rooms', async (request, reply) => {
    const { user } = await requireUser(services, request);
    const context = await services.rooms.create(user, parse(createRoomBody, request.body));
    return reply.status(201).send(toManagedDetail(user, context, false));
  });

  app.get('/api/rooms/:id', async (request) => {
    const { user } = await requireUser(services, request);
    const context = await services.rooms.findFor(user, parse(idParams, request.params).id);
    const detail = toManagedDetail(user, context, false);
    // Member lists are for the people who manage the room.
    if (!can(user, 'manage', context.room, context.category)) return { ...detail, members: undefined };
    return detail;
  });

  app.patch('/api/rooms/:id', async (request) => {
    const { user } = await requireUser(services, request);
    const { id } = parse(idParams, request.params);
    const body = parse(updateRoomBody, request.body);
    return toManagedDetail(user, await services.rooms.update(user, id, body), false);
  });
}
