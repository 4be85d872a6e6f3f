import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/protocol';
import type { Participant, User } from '../domain';
import type { NewReader, StoredSeq, UnjoinedActivity, UserActivity } from './activity-relay';
import type { RateLimiter } from './rate-limiter';
import type { UserBudget } from './user-budgets';

export interface SocketData {
  user: User;
  tokenHash: string;
  /** Rooms this connection has joined (RoomSummary.joined is per connection, §9.11). */
  joined: Set<string>;
  /** What this connection's user may hold on this server, shared by all their connections. */
  budget: UserBudget;
  /** This connection's own rate limits (§9.12), made at its first event (register-handler.ts). */
  limiter?: RateLimiter;
}

/** What servers tell each other through the adapter when several run together (--redis). */
export interface InterServerEvents {
  'pchat:roster': (serverId: string, roomId: string, participants: Participant[]) => void;
  'pchat:hello': (serverId: string) => void;
  'pchat:bye': (serverId: string) => void;
  'pchat:room-changed': (roomId: string) => void;
  'pchat:room-deleted': (roomId: string) => void;
  'pchat:category-changed': (categoryId: string) => void;
  'pchat:addin-changed': (addinId: string) => void;
  'pchat:readers-changed': (roomId: string) => void;
  /** Messages were stored: their readers' sockets that have not joined the room hear room:activity, a turn's worth (activity-relay.ts). */
  'pchat:stored-activity': (batch: UnjoinedActivity[]) => void;
  /** Users became readers of rooms by a first read, a turn of the event loop's worth (cluster-sync.ts). */
  'pchat:readers-added': (batch: NewReader[]) => void;
  /** Messages were stored: each room's newest seq, a turn of the event loop's worth (cluster-sync.ts). */
  'pchat:seqs-stored': (batch: StoredSeq[]) => void;
  /** room:activity for whole users (read announcements), a turn of the event loop's worth (activity-relay.ts). */
  'pchat:user-activity': (batch: UserActivity[]) => void;
  'pchat:config-stored': () => void;
  'pchat:user-changed': (userId: string) => void;
  'pchat:alerts-changed': (userId: string) => void;
}

export type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Channel names are looked up in the adapter's Map on every broadcast, and a busy room's pushes
 * name hundreds of them per message (room:activity to every reader). A name built afresh is a new
 * string whose hash is computed again at each lookup (about 0.8 µs each, measured: 200 fresh
 * names cost a broadcast 165 µs, the same names kept 37 µs), so each is built once and reused.
 * Only ids of stored rooms and users reach these (after lookup), so the memo is bounded by them;
 * it is cleared past MAX_MEMO names anyway (rebuilding one costs a concatenation).
 */
const MAX_MEMO = 100_000;
function memoized(prefix: string): (id: string) => string {
  const names = new Map<string, string>();
  return (id) => {
    let name = names.get(id);
    if (name === undefined) {
      if (names.size >= MAX_MEMO) names.clear();
      name = `${prefix}${id}`;
      names.set(id, name);
    }
    return name;
  };
}

export const roomChannel = memoized('room:');
export const tokenChannel = (tokenHash: string): string => `token:${tokenHash}`;
/** Every socket of one user, on every server: pushes that concern a person, not a connection. */
export const userChannel = memoized('user:');
