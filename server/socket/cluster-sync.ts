// Keeps servers that share one store in step through the cluster link (--redis, DESIGN §4b):
// what changes here is announced to the others, which reload just the records named (the room
// directory), forget what they cached (followers) or re-read their configuration, and then update
// their own sockets. Nobody polls. Incoming announcements are handled one at a time, in order, so
// a change followed by a deletion of the same room ends deleted.
import type { Services } from '../services';
import type { LocalPushes } from './live-updates';
import type { ChatServer } from './types';

export function wireClusterSync(io: ChatServer, services: Services, local: LocalPushes, onError: (what: string, error: unknown) => void): () => void {
  const { events, directory } = services;
  let queue: Promise<void> = Promise.resolve();
  const inOrder = (what: string, task: () => Promise<void> | void) => {
    queue = queue.then(task).catch((error: unknown) => onError(what, error));
  };

  const unsubscribe = events.subscribe({
    'room:changed': (roomId) => io.serverSideEmit('pchat:room-changed', roomId),
    'room:deleted': (roomId) => io.serverSideEmit('pchat:room-deleted', roomId),
    'category:changed': (categoryId) => io.serverSideEmit('pchat:category-changed', categoryId),
    'addin:changed': (addinId) => io.serverSideEmit('pchat:addin-changed', addinId),
    'followers:changed': (roomId) => io.serverSideEmit('pchat:followers-changed', roomId),
    'config:stored': () => io.serverSideEmit('pchat:config-stored'),
  });

  const onRoomChanged = (roomId: string) =>
    inOrder('cluster room change', async () => {
      await directory.reloadRoom(roomId);
      local.roomChanged(roomId);
    });
  const onRoomDeleted = (roomId: string) =>
    inOrder('cluster room deletion', () => {
      directory.removeRoom(roomId);
      local.roomDeleted(roomId);
    });
  const onCategoryChanged = (categoryId: string) => inOrder('cluster category change', () => directory.reloadCategory(categoryId));
  const onAddinChanged = (addinId: string) => inOrder('cluster add-in change', () => directory.reloadAddin(addinId));
  const onFollowersChanged = (roomId: string) => services.readMarkers.forgetFollowers(roomId);
  const onConfigStored = () => inOrder('cluster config change', () => services.config.refresh());

  io.on('pchat:room-changed', onRoomChanged);
  io.on('pchat:room-deleted', onRoomDeleted);
  io.on('pchat:category-changed', onCategoryChanged);
  io.on('pchat:addin-changed', onAddinChanged);
  io.on('pchat:followers-changed', onFollowersChanged);
  io.on('pchat:config-stored', onConfigStored);
  return () => {
    unsubscribe();
    io.off('pchat:room-changed', onRoomChanged);
    io.off('pchat:room-deleted', onRoomDeleted);
    io.off('pchat:category-changed', onCategoryChanged);
    io.off('pchat:addin-changed', onAddinChanged);
    io.off('pchat:followers-changed', onFollowersChanged);
    io.off('pchat:config-stored', onConfigStored);
  };
}
