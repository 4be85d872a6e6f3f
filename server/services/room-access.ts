// The one `require(user, room, action)` (STYLE §16): answers, from the in-memory directory, with
// the protocol's error order — not_found (the user may not know the room exists, §9.6) →
// room_disabled → forbidden → history_disabled — so every service refuses the same way.
import type { User } from '../domain';
import { AppError } from '../errors';
import { type RoomAction, can } from './authorization';
import type { RoomDirectory } from './room-directory';
import type { RoomContext } from './room-views';

/** What a caller is about to do; `history` reads past messages and so also needs chat history on. */
export type AccessNeed = Extract<RoomAction, 'join' | 'post' | 'readHistory'> | 'history';

const FORBIDDEN_MESSAGE: Record<AccessNeed, string> = {
  join: 'you may not read this room',
  readHistory: 'you may not read this room',
  history: 'you may not read this room',
  post: 'you may not post in this room',
};

/** The room if the user may know it exists; `not_found` otherwise (secret rooms stay secret). */
export function findRoom(directory: RoomDirectory, user: User, roomId: string): RoomContext {
  const context = directory.context(roomId);
  if (!context || !can(user, 'find', context.room, context.category)) throw new AppError('not_found', 'no such room');
  return context;
}

/**
 * The room if the user may read its history; `not_found` or `forbidden` otherwise, in the
 * protocol's order. Whoever may read a room may also find it (a secret room is read by its members
 * only), so a read that passes costs one check: this runs for every room:read.
 */
export function readableRoom(directory: RoomDirectory, user: User, roomId: string): RoomContext {
  const context = directory.context(roomId);
  if (context && can(user, 'readHistory', context.room, context.category)) return context;
  findRoom(directory, user, roomId);
  throw new AppError('forbidden', FORBIDDEN_MESSAGE.readHistory);
}

export function requireRoom(directory: RoomDirectory, user: User, roomId: string, need: AccessNeed): RoomContext {
  const context = findRoom(directory, user, roomId);
  if (context.room.disabled) throw new AppError('room_disabled', 'this room is disabled');
  const action: RoomAction = need === 'history' ? 'readHistory' : need;
  if (!can(user, action, context.room, context.category)) throw new AppError('forbidden', FORBIDDEN_MESSAGE[need]);
  if (need === 'history' && !context.category.chatHistory) throw new AppError('history_disabled', 'chat history is off in this category');
  return context;
}
