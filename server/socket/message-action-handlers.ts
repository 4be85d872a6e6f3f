// §11 message actions: message:edit, message:delete, message:react, messages:seek.
import type { Services } from '../services';
import type { Limiter } from './rate-limiter';
import { registerHandler } from './register-handler';
import type { ChatSocket } from './types';

export function registerMessageActionHandlers(
  socket: ChatSocket,
  limiter: Limiter,
  services: Services,
  onError: (event: string, error: unknown) => void,
): void {
  const { user } = socket.data;
  const actions = services.messageActions;
  registerHandler(socket, limiter, 'message:edit', async (request) => ({ message: await actions.edit(user, request) }), onError);
  registerHandler(socket, limiter, 'message:delete', async (request) => {
    await actions.delete(user, request);
    return {};
  }, onError);
  registerHandler(socket, limiter, 'message:react', async (request) => ({ message: await actions.react(user, request) }), onError);
  registerHandler(socket, limiter, 'messages:seek', async (request) => ({ seq: await actions.seek(user, request) }), onError);
}
