// room:history, messages:since, message:send, search.
import type { Services } from '../services';
import type { Limiter } from './rate-limiter';
import { registerHandler } from './register-handler';
import type { ChatSocket } from './types';

export function registerMessageHandlers(
  socket: ChatSocket,
  limiter: Limiter,
  services: Services,
  onError: (event: string, error: unknown) => void,
): void {
  const { user } = socket.data;
  registerHandler(socket, limiter, 'room:history', (request) => services.messages.history(user, request), onError);
  registerHandler(socket, limiter, 'messages:since', (request) => services.messages.since(user, request), onError);
  registerHandler(socket, limiter, 'message:send', async (request) => ({ message: await services.messages.send(user, request) }), onError);
  registerHandler(socket, limiter, 'search', async (request) => ({ hits: await services.messages.search(user, request) }), onError);
}
