// §12 events: alerts:list, alert:save, alert:delete, room:invitation; and room:notify (the
// per-room notification level, a pchat addition).
import type { Services } from '../services';
import type { EventHandlers } from './register-handler';

export function attentionHandlers(
  services: Services,
): Pick<EventHandlers, 'alerts:list' | 'alert:save' | 'alert:delete' | 'room:invitation' | 'room:notify'> {
  const { attention } = services;
  const { alerts, invitations } = attention;
  return {
    'alerts:list': async (socket) => ({ alerts: await alerts.list(socket.data.user) }),
    'alert:save': async (socket, request) => ({ alert: await alerts.save(socket.data.user, request) }),
    'alert:delete': async (socket, request) => {
      await alerts.delete(socket.data.user, request);
      return {};
    },
    'room:invitation': async (socket, request) => {
      await invitations.answer(socket.data.user, request);
      return {};
    },
    'room:notify': async (socket, request) => {
      await attention.setNotifyLevel(socket.data.user, request);
      return {};
    },
  };
}
