// Who is connected in each room, counted as distinct users (PROTOCOL.md §2, §9.7), and when the
// participant update limit allows telling everyone. Pure in-memory state of this process; the
// socket layer does the emitting.
import type { Participant, Roster } from '../domain';

interface RoomRoster {
  users: Map<string, { displayName: string; sockets: Set<string> }>;
  /** The truncated marker has gone out and nothing has been sent since. */
  truncatedAnnounced: boolean;
}

export class RosterTracker {
  private readonly rooms = new Map<string, RoomRoster>();

  /** Adds a socket; true when the set of users changed. */
  add(roomId: string, socketId: string, participant: Participant): boolean {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = { users: new Map(), truncatedAnnounced: false };
      this.rooms.set(roomId, room);
    }
    const existing = room.users.get(participant.userId);
    if (existing) {
      existing.sockets.add(socketId);
      return false;
    }
    room.users.set(participant.userId, { displayName: participant.displayName, sockets: new Set([socketId]) });
    return true;
  }

  /** Removes a socket; true when its user left the set. */
  remove(roomId: string, socketId: string, userId: string): boolean {
    const room = this.rooms.get(roomId);
    const entry = room?.users.get(userId);
    if (!room || !entry || !entry.sockets.delete(socketId)) return false;
    if (entry.sockets.size > 0) return false;
    room.users.delete(userId);
    if (room.users.size === 0) this.rooms.delete(roomId);
    return true;
  }

  forget(roomId: string): void {
    this.rooms.delete(roomId);
  }

  /** The roster as it stands (for join acks): the list, or null above the limit. */
  snapshot(roomId: string, limit: number): Roster {
    const room = this.rooms.get(roomId);
    const count = room?.users.size ?? 0;
    if (count > limit) return { roomId, count, truncated: true, participants: null };
    const participants = room
      ? [...room.users].map(([userId, u]) => ({ userId, displayName: u.displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName))
      : [];
    return { roomId, count, truncated: false, participants };
  }

  /** What to broadcast after the set changed: a full list, the one truncated marker, or nothing. */
  updateAfterChange(roomId: string, limit: number): Roster | null {
    const roster = this.snapshot(roomId, limit);
    const room = this.rooms.get(roomId);
    if (!roster.truncated) {
      if (room) room.truncatedAnnounced = false;
      return roster;
    }
    if (!room || room.truncatedAnnounced) return null;
    room.truncatedAnnounced = true;
    return roster;
  }

  /** After the limit changed: every occupied room, re-evaluated at once (§9.7). */
  reevaluate(limit: number): Roster[] {
    return [...this.rooms.keys()].flatMap((roomId) => {
      const update = this.updateAfterChange(roomId, limit);
      return update ? [update] : [];
    });
  }
}
