// §11 message actions: message:edit, message:delete, message:react, messages:seek.
import type { Services } from '../services';
import type { EventHandlers } from './register-handler';

export function messageActionHandlers(services: Services): Pick<EventHandlers, 'message:edit' | 'message:delete' | 'message:react' | 'messages:seek'> {
  const actions = services.messageActions;
  return {
    'message:edit': async (socket, request) => ({ message: await actions.edit(socket.data.user, request) }),
    'message:delete': async (socket, request) => {
      await actions.delete(socket.data.user, request);
      return {};
    },
    'message:react': async (socket, request) => ({ message: await actions.react(socket.data.user, request) }),
    'messages:seek': async (socket, request) => ({ seq: await actions.seek(socket.data.user, request) }),
  };
}
