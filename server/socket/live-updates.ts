// Turns domain events into pushes to the right sockets (PROTOCOL.md §2 server→client table).
// Each server updates its own sockets; cluster-sync.ts relays what other servers need to hear.
import type { EffectiveConfig, Message, RoomActivity, User } from '../domain';
import type { Services } from '../services';
import type { ActivityAudience } from '../services/events';
import { can } from '../services/authorization';
import { type RoomContext, toDetail } from '../services/room-views';
import { ActivityRelay, type UnjoinedActivity } from './activity-relay';
import type { RoomPresence } from './room-presence';
import type { ChatServer, ChatSocket } from './types';
import { roomChannel, tokenChannel, userChannel } from './types';

/** Updates of this server's own sockets that another server's change also calls for. */
export interface LocalPushes {
  roomChanged(roomId: string, previous: RoomContext | undefined): void;
  roomDeleted(roomId: string, previous: RoomContext | undefined): void;
  /** A message stored on another server: its readers' sockets here that have not joined the room. */
  activityUnjoined(userIds: string[], payload: RoomActivity, exceptUser: string | undefined): void;
  /** Pushes announced on another server (activity-relay.ts): these users' sockets here. */
  activityToUsers(userIds: string[], payload: RoomActivity, allBut: string | null): void;
}

export function wireLiveUpdates(
  io: ChatServer,
  services: Services,
  presence: RoomPresence,
  /** Other servers share the store and relay (cluster-sync.ts). */
  clustered: boolean,
  onError: (what: string, error: unknown) => void,
): { unwire: () => void; local: LocalPushes } {
  const { events } = services;
  const run = (what: string, task: () => Promise<void>) => void task().catch((error: unknown) => onError(what, error));
  /** This server's own sockets: each server updates its own. */
  const sockets = (): ChatSocket[] => [...io.of('/').sockets.values()];

  // socket.io encodes a broadcast once, whatever the number of sockets it reaches.
  const onMessage = (message: Message) => io.to(roomChannel(message.roomId)).emit('message:new', { message });

  // Every socket of these users (the user channels span servers), or only those that have not
  // joined the room: leaving out the joined sockets keeps a busy room to one push per reader and
  // message. Each server works out its own unjoined sockets (unjoined-readers.ts); the others hear
  // of the message through the cluster link.
  const activityUnjoined = (userIds: string[], payload: RoomActivity, exceptUser: string | undefined) => {
    const socketIds = presence.unjoined.socketIds(payload.roomId, userIds, exceptUser);
    if (socketIds.length > 0) io.local.to([...socketIds]).emit('room:activity', payload);
  };
  // A connection's id is also a channel: `allBut` leaves that one connection out (it is on one
  // server; elsewhere it names nobody).
  const activityToUsers = (userIds: string[], payload: RoomActivity, allBut: string | null) => {
    const audience = io.local.to(userIds.map(userChannel));
    (allBut === null ? audience : audience.except(allBut)).emit('room:activity', payload);
  };
  const relay = clustered ? new ActivityRelay((batch) => io.serverSideEmit('pchat:user-activity', batch)) : null;
  const unjoinedRelay = clustered ? new ActivityRelay<UnjoinedActivity>((batch) => io.serverSideEmit('pchat:stored-activity', batch)) : null;
  const onActivity = (userIds: string[], payload: RoomActivity, sockets: ActivityAudience = 'all') => {
    if (typeof sockets === 'object' && 'unjoined' in sockets) {
      activityUnjoined(userIds, payload, sockets.exceptUser);
      unjoinedRelay?.add([sockets.readersOfRoom ? null : userIds, payload, sockets.exceptUser ?? null]);
      return;
    }
    const allBut = sockets === 'all' ? null : sockets.allBut;
    activityToUsers(userIds, payload, allBut);
    relay?.add([userIds, payload, allBut]);
  };

  const onUpdated = (message: Message) => io.to(roomChannel(message.roomId)).emit('message:updated', { message });

  const onRemoved = (roomId: string, seqs: number[]) => {
    for (const seq of seqs) io.to(roomChannel(roomId)).emit('message:removed', { roomId, seq });
  };

  const onConfig = (config: EffectiveConfig, previous: EffectiveConfig) => {
    // Each server tells its own clients: every server learns of a change of its own effective
    // configuration (config-service.ts re-reads the store), and only it knows its site and pool.
    io.local.emit('config:updated', { config });
    if (config.participantUpdateLimit !== previous.participantUpdateLimit) presence.reevaluateAll();
  };

  const onRevoked = (tokenHash: string) => io.in(tokenChannel(tokenHash)).disconnectSockets(true);

  /** Could this user see the room as it was? (A new room: nobody.) */
  const couldFind = (user: User, previous: RoomContext | undefined) => previous !== undefined && can(user, 'find', previous.room, previous.category);

  const roomChangedHere = (roomId: string, previous: RoomContext | undefined) =>
    run('room:changed', async () => {
      const context = await services.rooms.context(roomId);
      if (!context) return;
      for (const socket of sockets()) {
        const { user, joined } = socket.data;
        const mayStay = !context.room.disabled && can(user, 'join', context.room, context.category);
        if (joined.has(roomId) && !mayStay) {
          // Dropped at once: a disabled room or lost access ends the membership of the connection.
          await presence.exit(socket, roomId);
          socket.emit('room:removed', { roomId });
        } else if (can(user, 'find', context.room, context.category)) {
          socket.emit('room:updated', { room: toDetail(user, context, joined.has(roomId)) });
        } else if (couldFind(user, previous)) {
          socket.emit('room:removed', { roomId });
        }
      }
    });

  const roomDeletedHere = (roomId: string, previous: RoomContext | undefined) =>
    run('room:deleted', async () => {
      for (const socket of sockets()) {
        const wasJoined = socket.data.joined.has(roomId);
        await presence.exit(socket, roomId);
        if (wasJoined || couldFind(socket.data.user, previous)) socket.emit('room:removed', { roomId });
      }
      presence.forgetRoom(roomId);
    });

  const unsubscribe = events.subscribe({
    'message:created': onMessage,
    'room:activity': onActivity,
    'messages:removed': onRemoved,
    'message:updated': onUpdated,
    'config:changed': onConfig,
    'session:revoked': onRevoked,
    'room:changed': roomChangedHere,
    'room:deleted': roomDeletedHere,
  });
  return { unwire: unsubscribe, local: { roomChanged: roomChangedHere, roomDeleted: roomDeletedHere, activityUnjoined, activityToUsers } };
}
