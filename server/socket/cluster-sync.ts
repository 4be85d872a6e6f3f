// Keeps servers that share one store in step through the cluster link (--redis, DESIGN §4b):
// what changes here is announced to the others, which reload just the records named (the room
// directory), forget what they cached (room readers), learn the seqs stored and the readers gained
// here (read markers) or re-read their configuration, and then update their own sockets. Nobody
// polls. Incoming announcements are handled one at a time, in order, so a change followed by a
// deletion of the same room ends deleted.
import type { Services } from '../services';
import { ActivityRelay, type NewReader, type StoredSeq } from './activity-relay';
import type { LocalPushes } from './live-updates';
import type { ChatServer, InterServerEvents } from './types';

export function wireClusterSync(io: ChatServer, services: Services, local: LocalPushes, onError: (what: string, error: unknown) => void): () => void {
  const { events, directory } = services;
  let queue: Promise<void> = Promise.resolve();
  const inOrder = (what: string, task: () => Promise<void> | void) => {
    queue = queue.then(task).catch((error: unknown) => onError(what, error));
  };

  // The broadcast of a message reaches the other servers' sockets through the adapter; its seq
  // follows in the same turn, so their readers' room:read finds it known (read-marker-service.ts).
  const storedSeqs = new ActivityRelay<StoredSeq>((batch) => io.serverSideEmit('pchat:seqs-stored', batch));
  // A first read here may wait 500 ms for its marker's batch: the others add the reader at once.
  const newReaders = new ActivityRelay<NewReader>((batch) => io.serverSideEmit('pchat:readers-added', batch));
  const unsubscribe = events.subscribe({
    'message:created': (message) => storedSeqs.add([message.roomId, message.seq]),
    'reader:added': (roomId, userId) => newReaders.add([roomId, userId]),
    'room:changed': (roomId) => io.serverSideEmit('pchat:room-changed', roomId),
    'room:deleted': (roomId) => io.serverSideEmit('pchat:room-deleted', roomId),
    'category:changed': (categoryId) => io.serverSideEmit('pchat:category-changed', categoryId),
    'addin:changed': (addinId) => io.serverSideEmit('pchat:addin-changed', addinId),
    'readers:changed': (roomId) => io.serverSideEmit('pchat:readers-changed', roomId),
    'config:stored': () => io.serverSideEmit('pchat:config-stored'),
    'user:changed': (userId) => io.serverSideEmit('pchat:user-changed', userId),
    'alerts:changed': (userId) => io.serverSideEmit('pchat:alerts-changed', userId),
  });

  const incoming: { [E in keyof InterServerEvents]?: InterServerEvents[E] } = {
    'pchat:room-changed': (roomId) =>
      inOrder('cluster room change', async () => {
        const previous = directory.context(roomId);
        await directory.reloadRoom(roomId);
        local.roomChanged(roomId, previous);
      }),
    'pchat:room-deleted': (roomId) =>
      inOrder('cluster room deletion', () => {
        const previous = directory.context(roomId);
        directory.removeRoom(roomId);
        local.roomDeleted(roomId, previous);
      }),
    // The rooms' own announcements follow, but by then this server holds the new category: its
    // sockets are told here, against the rooms as they were.
    'pchat:category-changed': (categoryId) =>
      inOrder('cluster category change', async () => {
        const before = directory.roomIdsInCategory(categoryId).map((roomId) => [roomId, directory.context(roomId)] as const);
        await directory.reloadCategory(categoryId);
        for (const [roomId, previous] of before) local.roomChanged(roomId, previous);
      }),
    'pchat:addin-changed': (addinId) => inOrder('cluster add-in change', () => directory.reloadAddin(addinId)),
    'pchat:readers-changed': (roomId) => services.readMarkers.forgetReaders(roomId),
    // Not in order with the reloads: it changes nothing here, and a message's count should not wait.
    'pchat:stored-activity': (batch) => {
      for (const [userIds, payload, exceptUser] of batch) {
        if (userIds !== null) local.activityUnjoined(userIds, payload, exceptUser ?? undefined);
        else {
          // The room's readers, as this server keeps them (read from the store once in a while).
          services.readMarkers
            .readersToTell(payload.roomId)
            .then((readers) => local.activityUnjoined(readers, payload, exceptUser ?? undefined))
            .catch((error: unknown) => onError('cluster room activity', error));
        }
      }
    },
    'pchat:readers-added': (batch) => {
      for (const [roomId, userId] of batch) services.readMarkers.readerAddedElsewhere(roomId, userId);
    },
    'pchat:seqs-stored': (batch) => {
      for (const [roomId, seq] of batch) services.readMarkers.storedElsewhere(roomId, seq);
    },
    'pchat:user-activity': (batch) => {
      for (const [userIds, payload, allBut] of batch) local.activityToUsers(userIds, payload, allBut);
    },
    'pchat:config-stored': () => inOrder('cluster config change', () => services.config.refresh()),
    'pchat:user-changed': (userId) => inOrder('cluster user change', () => services.attention.users.reload(userId)),
    'pchat:alerts-changed': (userId) => inOrder('cluster alerts change', () => services.attention.alerts.reload(userId)),
  };
  // socket.io's typed on/off cannot follow a key of a mapped type; each handler is typed above.
  const raw = io as unknown as { on(event: string, handler: unknown): void; off(event: string, handler: unknown): void };
  for (const [event, handler] of Object.entries(incoming)) raw.on(event, handler);
  return () => {
    unsubscribe();
    for (const [event, handler] of Object.entries(incoming)) raw.off(event, handler);
  };
}
