// rooms:list, room:join, room:leave.
import type { Services } from '../services';
import { toDetail } from '../services/room-views';
import type { EventHandlers } from './register-handler';
import type { RoomPresence } from './room-presence';

export function roomHandlers(services: Services, presence: RoomPresence): Pick<EventHandlers, 'rooms:list' | 'room:join' | 'room:leave'> {
  return {
    'rooms:list': async (socket) => {
      const { user, joined } = socket.data;
      const [rooms, categories, lastRoomId] = await Promise.all([
        services.rooms.listFor(user, joined),
        services.rooms.categoriesFor(user),
        services.lastRooms.lastRoomFor(user),
      ]);
      // Unread counts (read markers), then mentions, invitations and notification levels (§12).
      return { rooms: await services.attention.annotate(user, await services.readMarkers.annotate(user, rooms)), categories, lastRoomId };
    },

    'room:join': async (socket, { roomId }) => {
      const { user } = socket.data;
      const context = services.messages.access(user, roomId, 'join');
      // Join the channel before reading the snapshot so no message falls between the two;
      // a message in both arrives twice with the same seq and the client keeps one.
      await presence.enter(socket, roomId);
      const page = await services.messages.latest(context);
      // Joining once answers an invitation (§12); the reply does not wait for that write.
      services.attention.invitations.joined(user.id, roomId);
      services.lastRooms.joined(user.id, roomId);
      return { room: toDetail(user, context, true), ...page, roster: presence.snapshot(roomId) };
    },

    'room:leave': async (socket, { roomId }) => {
      // A room the caller cannot know about is not_found, like one that does not exist (§9.6).
      if (!socket.data.joined.has(roomId)) await services.rooms.findFor(socket.data.user, roomId);
      await presence.exit(socket, roomId);
      return {};
    },
  };
}
