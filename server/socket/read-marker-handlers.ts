// room:read, room:follow (pchat additions, docs/protocol.md "What pchat adds").
import type { Services } from '../services';
import type { EventHandlers } from './register-handler';

export function readMarkerHandlers(services: Services): Pick<EventHandlers, 'room:read' | 'room:follow'> {
  const { readMarkers } = services;
  return {
    // Answered in the same turn when memory knows the room and the marker (register-handler.ts).
    'room:read': (socket, request) => {
      const standing = readMarkers.markRead(socket.data.user, request, socket.id);
      return typeof standing === 'number' ? { lastReadSeq: standing } : standing.then((lastReadSeq) => ({ lastReadSeq }));
    },
    'room:follow': async (socket, request) => {
      await readMarkers.follow(socket.data.user, request);
      return {};
    },
  };
}
