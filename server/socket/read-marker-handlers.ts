// room:read, room:follow (pchat additions, docs/protocol.md "What pchat adds").
import type { Services } from '../services';
import type { EventHandlers } from './register-handler';

export function readMarkerHandlers(services: Services): Pick<EventHandlers, 'room:read' | 'room:follow'> {
  const { readMarkers } = services;
  return {
    'room:read': async (socket, request) => ({ lastReadSeq: await readMarkers.markRead(socket.data.user, request, socket.id) }),
    'room:follow': async (socket, request) => {
      await readMarkers.follow(socket.data.user, request);
      return {};
    },
  };
}
