// Which of this server's sockets hear a room's `room:activity` (docs/protocol.md "What pchat
// adds"): the sockets of the room's readers that have not joined the room. Joined sockets get the
// message itself.
//
// Why a cache (issue 8): a busy room's readers are mostly joined and focused, so the answer is
// usually "nobody", yet finding that out meant looking up every reader's channel and every one of
// their sockets per message: 200 readers cost about 0.5 ms of scattered Map lookups on each of 50
// messages a second. The answer only changes when the readers change (the caller passes them with
// each message, in the same order while they stay the same, the sender among them: the sender's
// sockets are left out afterwards, so messages from different senders share one answer), when a
// socket joins or leaves that room here, or when a socket of one of its readers connects or
// disconnects here; RoomPresence reports the last two, and only the answers they touch are
// dropped. (Dropping them all on any change, as before, meant that with thousands of users
// switching rooms every room of thousands of readers was worked out again for nearly every message.)
import type { ChatServer } from './types';
import { userChannel } from './types';

/**
 * Shorter lists are worked out each time, not kept: that costs about what comparing them would,
 * and the sender's own push (a list of one, after each message) would otherwise replace the
 * room's list every time.
 */
export const CACHED_FROM_READERS = 8;

const EMPTY: ReadonlySet<string> = new Set();

interface Answer {
  readers: readonly string[];
  /** The same readers, to find the answers a user's coming or going touches. */
  readerSet: ReadonlySet<string>;
  socketIds: string[];
  /** Whose each socket is, in the same order. */
  userIds: string[];
}

export class UnjoinedReaders {
  private readonly answers = new Map<string, Answer>();

  constructor(private readonly io: ChatServer) {}

  /** A socket joined or left the room on this server. */
  roomChanged(roomId: string): void {
    this.answers.delete(roomId);
  }

  /** A socket of the user connected or disconnected on this server. */
  userChanged(userId: string): void {
    for (const [roomId, answer] of this.answers) if (answer.readerSet.has(userId)) this.answers.delete(roomId);
  }

  /** The ids of this server's sockets of `readers` that have not joined `roomId`, none of `exceptUser`'s. */
  socketIds(roomId: string, readers: readonly string[], exceptUser?: string): readonly string[] {
    const answer = this.answer(roomId, readers);
    // Usually the sender has no socket outside the room (or none here): the kept list as it is.
    if (exceptUser === undefined || !answer.userIds.includes(exceptUser)) return answer.socketIds;
    return answer.socketIds.filter((_, i) => answer.userIds[i] !== exceptUser);
  }

  private answer(roomId: string, readers: readonly string[]): Answer {
    const cached = readers.length >= CACHED_FROM_READERS;
    const known = cached ? this.answers.get(roomId) : undefined;
    if (known && sameIds(known.readers, readers)) return known;
    const namespace = this.io.of('/');
    const answer: Answer = { readers, readerSet: cached ? new Set(readers) : EMPTY, socketIds: [], userIds: [] };
    for (const userId of readers) {
      const ids = namespace.adapter.rooms.get(userChannel(userId));
      if (!ids) continue;
      for (const socketId of ids) {
        if (namespace.sockets.get(socketId)?.data.joined.has(roomId) !== false) continue;
        answer.socketIds.push(socketId);
        answer.userIds.push(userId);
      }
    }
    if (cached) this.answers.set(roomId, answer);
    return answer;
  }
}

/** The same ids in the same order (a reader list rebuilt from an unchanged set keeps its order). */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
