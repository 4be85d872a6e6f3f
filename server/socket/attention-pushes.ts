// §12 pushes: mentions, alert matches and invitations go to every socket of the users concerned,
// on every server (the user channels span servers through the adapter). One emit per event:
// socket.io encodes a broadcast once, however many sockets it reaches.
import type { DomainEventBus } from '../services/events';
import type { ChatServer } from './types';
import { userChannel } from './types';

export function wireAttentionPushes(io: ChatServer, events: DomainEventBus): () => void {
  return events.subscribe({
    'mention:new': (userIds, payload) => io.to(userIds.map(userChannel)).emit('mention:new', payload),
    'alert:match': (userId, payload) => io.to(userChannel(userId)).emit('alert:match', payload),
    'room:invited': (userId, payload) => io.to(userChannel(userId)).emit('room:invited', payload),
  });
}
