// room:read, room:follow (pchat additions, docs/protocol.md "What pchat adds").
import type { Services } from '../services';
import type { Limiter } from './rate-limiter';
import { registerHandler } from './register-handler';
import type { ChatSocket } from './types';

export function registerReadMarkerHandlers(
  socket: ChatSocket,
  limiter: Limiter,
  services: Services,
  onError: (event: string, error: unknown) => void,
): void {
  const { user } = socket.data;
  registerHandler(socket, limiter, 'room:read', async (request) => ({ lastReadSeq: await services.readMarkers.markRead(user, request) }), onError);
  registerHandler(
    socket,
    limiter,
    'room:follow',
    async (request) => {
      await services.readMarkers.follow(user, request);
      return {};
    },
    onError,
  );
}
