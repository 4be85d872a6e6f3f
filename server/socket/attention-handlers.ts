// §12 events: alerts:list, alert:save, alert:delete, room:invitation; and room:notify (the
// per-room notification level, a pchat addition).
import type { Services } from '../services';
import type { Limiter } from './rate-limiter';
import { registerHandler } from './register-handler';
import type { ChatSocket } from './types';

export function registerAttentionHandlers(
  socket: ChatSocket,
  limiter: Limiter,
  services: Services,
  onError: (event: string, error: unknown) => void,
): void {
  const { user } = socket.data;
  const { alerts, invitations } = services.attention;
  registerHandler(socket, limiter, 'alerts:list', async () => ({ alerts: await alerts.list(user) }), onError);
  registerHandler(socket, limiter, 'alert:save', async (request) => ({ alert: await alerts.save(user, request) }), onError);
  registerHandler(
    socket,
    limiter,
    'alert:delete',
    async (request) => {
      await alerts.delete(user, request);
      return {};
    },
    onError,
  );
  registerHandler(
    socket,
    limiter,
    'room:invitation',
    async (request) => {
      await invitations.answer(user, request);
      return {};
    },
    onError,
  );
  registerHandler(
    socket,
    limiter,
    'room:notify',
    async (request) => {
      await services.attention.setNotifyLevel(user, request);
      return {};
    },
    onError,
  );
}
