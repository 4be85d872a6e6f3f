// Domain events: services announce what happened, the socket layer decides who hears about it.
// This keeps services free of socket.io (and lets a Redis adapter fan out later).
import { EventEmitter } from 'node:events';
import type { EffectiveConfig, Message } from '../domain';

export interface DomainEvents {
  'message:created': [message: Message];
  'messages:removed': [roomId: string, seqs: number[]];
  'config:changed': [config: EffectiveConfig, previous: EffectiveConfig];
  /** A room was created or changed (or its category/add-in changed): re-evaluate who sees it. */
  'room:changed': [roomId: string];
  'room:deleted': [roomId: string];
  'session:revoked': [tokenHash: string];
}

export class DomainEventBus extends EventEmitter<DomainEvents> {}
