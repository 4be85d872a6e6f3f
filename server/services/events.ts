// Domain events: services announce what happened, the socket layer decides who hears about it.
// This keeps services free of socket.io (and lets a Redis adapter fan out later).
import { EventEmitter } from 'node:events';
import type { AlertMatch, MentionNew, RoomInvited } from '../../common/attention-protocol';
import type { EffectiveConfig, Message, RoomActivity } from '../domain';
import type { RoomContext } from './room-views';

/**
 * Which of the users' sockets hear a `room:activity`: every one, every one but one connection, or
 * those that have not joined the room (`exceptUser`: none of that user's). `readersOfRoom`: the
 * users are the room's readers, which every server keeps, so the others work the list out
 * themselves instead of receiving it.
 */
export type ActivityAudience = 'all' | { allBut: string } | { unjoined: true; exceptUser?: string; readersOfRoom?: true };

export interface DomainEvents {
  'message:created': [message: Message];
  'messages:removed': [roomId: string, seqs: number[]];
  /** §11: a message's text or reactions changed (an edit, a reaction, an administrator's rewrite). */
  'message:updated': [message: Message];
  'config:changed': [config: EffectiveConfig, previous: EffectiveConfig];
  /** A configuration entry was written here (other servers re-read theirs). */
  'config:stored': [];
  /**
   * `room:activity` for these users' sockets, on every server: all of them, only those that have
   * not joined the room (a joined socket hears the message itself), or all but one connection.
   */
  'room:activity': [userIds: string[], payload: RoomActivity, sockets?: ActivityAudience];
  /** Someone followed or unfollowed the room (other servers forget their reader list). */
  'readers:changed': [roomId: string];
  /** The user became one of the room's readers here, by a first read (other servers add them to their list). */
  'reader:added': [roomId: string, userId: string];
  /** A category was created or changed (its rooms get 'room:changed' too). */
  'category:changed': [categoryId: string];
  /** An add-in was created, changed or deleted. */
  'addin:changed': [addinId: string];
  /**
   * A room was created or changed (or its category/add-in changed): re-evaluate who sees it.
   * `previous` is the room as it was (undefined for a new room), so sockets that could see it and
   * no longer can are told, without keeping a per-socket list of every room it was shown.
   */
  'room:changed': [roomId: string, previous: RoomContext | undefined];
  /** `previous`: the room as it was, so the sockets that could see it hear it is gone. */
  'room:deleted': [roomId: string, previous: RoomContext | undefined];
  'session:revoked': [tokenHash: string];
  /** §12 pushes to every socket of these users, on every server. */
  'mention:new': [userIds: string[], payload: MentionNew];
  'alert:match': [userId: string, payload: AlertMatch];
  'room:invited': [userId: string, payload: RoomInvited];
  /** A user was created or changed here (other servers reload it into their user directory). */
  'user:changed': [userId: string];
  /** A user's keyword alerts changed here (other servers reload them into their index). */
  'alerts:changed': [userId: string];
}

export type DomainHandlers = { [E in keyof DomainEvents]?: (...args: DomainEvents[E]) => void };

export class DomainEventBus extends EventEmitter<DomainEvents> {
  /**
   * Subscribes every handler at once and returns the one function that removes exactly those,
   * so a listener added here can never be left out of the clean-up.
   */
  subscribe(handlers: DomainHandlers): () => void {
    const names = Object.keys(handlers) as (keyof DomainEvents)[];
    for (const name of names) this.toggle('on', name, handlers);
    return () => {
      for (const name of names) this.toggle('off', name, handlers);
    };
  }

  private toggle<E extends keyof DomainEvents>(action: 'on' | 'off', name: E, handlers: DomainHandlers): void {
    const handler = handlers[name];
    // DomainHandlers already ties each handler to its own event's arguments; node's listener type
    // is a conditional type that TypeScript cannot resolve for a generic E, hence the cast.
    if (handler) this[action](name, handler as never);
  }
}
