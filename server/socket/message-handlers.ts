// room:history, messages:since, message:send, search.
import type { Services } from '../services';
import type { EventHandlers } from './register-handler';

export function messageHandlers(services: Services): Pick<EventHandlers, 'room:history' | 'messages:since' | 'message:send' | 'search'> {
  const { messages } = services;
  return {
    'room:history': (socket, request) => messages.history(socket.data.user, request),
    'messages:since': (socket, request) => messages.since(socket.data.user, request),
    'message:send': async (socket, request) => ({ message: await messages.send(socket.data.user, request) }),
    search: async (socket, request) => ({ hits: await messages.search(socket.data.user, request) }),
  };
}
