// Who is connected in each room, counted as distinct users (PROTOCOL.md §2, §9.7), and when the
// participant update limit allows telling everyone. This process knows its own sockets; with
// several servers (--redis) it also holds what each other server reported, and the roster is the
// union. Each server tells only its own sockets, so each decides the truncation marker for them.
import type { Participant, Roster } from '../domain';

interface RoomRoster {
  local: Map<string, { displayName: string; sockets: Set<string> }>;
  /** Per other server: its users here, and when it last reported them. */
  remote: Map<string, { participants: Participant[]; seenAt: number }>;
  /** The truncated marker has gone out and nothing has been sent since. */
  truncatedAnnounced: boolean;
  /** The user ids of the last roster this process announced, to tell real changes. */
  lastKey: string;
}

/** `lastKey` while the room is above the limit: no list of user ids is ever that. */
const TRUNCATED_KEY = '\u0000truncated';

export class RosterTracker {
  private readonly rooms = new Map<string, RoomRoster>();

  private room(roomId: string): RoomRoster {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = { local: new Map(), remote: new Map(), truncatedAnnounced: false, lastKey: '' };
      this.rooms.set(roomId, room);
    }
    return room;
  }

  private prune(roomId: string): void {
    const room = this.rooms.get(roomId);
    if (room && room.local.size === 0 && room.remote.size === 0) this.rooms.delete(roomId);
  }

  /** Adds a socket; true when this server's set of users in the room changed. */
  add(roomId: string, socketId: string, participant: Participant): boolean {
    const room = this.room(roomId);
    const existing = room.local.get(participant.userId);
    if (existing) {
      existing.sockets.add(socketId);
      return false;
    }
    room.local.set(participant.userId, { displayName: participant.displayName, sockets: new Set([socketId]) });
    return true;
  }

  /** Removes a socket; true when its user left this server's set. */
  remove(roomId: string, socketId: string, userId: string): boolean {
    const room = this.rooms.get(roomId);
    const entry = room?.local.get(userId);
    if (!room || !entry || !entry.sockets.delete(socketId)) return false;
    if (entry.sockets.size > 0) return false;
    room.local.delete(userId);
    this.prune(roomId);
    return true;
  }

  /** What another server reported for a room (an empty list when it has nobody there). */
  setRemote(roomId: string, serverId: string, participants: Participant[], now = Date.now()): void {
    const room = this.room(roomId);
    if (participants.length === 0) room.remote.delete(serverId);
    else room.remote.set(serverId, { participants, seenAt: now });
    this.prune(roomId);
  }

  /** Forgets reports not renewed since `before` (a server that died without saying goodbye). */
  expireRemote(before: number): string[] {
    const touched: string[] = [];
    for (const [roomId, room] of this.rooms) {
      for (const [serverId, report] of room.remote) {
        if (report.seenAt < before) {
          room.remote.delete(serverId);
          if (!touched.includes(roomId)) touched.push(roomId);
        }
      }
      this.prune(roomId);
    }
    return touched;
  }

  /** Forgets everything another server reported (it said goodbye). */
  dropServer(serverId: string): string[] {
    const touched: string[] = [];
    for (const [roomId, room] of this.rooms) {
      if (room.remote.delete(serverId)) touched.push(roomId);
      this.prune(roomId);
    }
    return touched;
  }

  /** This server's own users per room, to report to the others. */
  localParticipants(roomId: string): Participant[] {
    const room = this.rooms.get(roomId);
    return room ? [...room.local].map(([userId, u]) => ({ userId, displayName: u.displayName })) : [];
  }

  localRoomIds(): string[] {
    return [...this.rooms].filter(([, room]) => room.local.size > 0).map(([roomId]) => roomId);
  }

  forget(roomId: string): void {
    this.rooms.delete(roomId);
  }

  /**
   * Distinct users in the room, here and on the other servers. Counted without building the list:
   * a room above the limit (thousands at a large event) is asked on every join and leave, and
   * its list would only be thrown away.
   */
  private count(room: RoomRoster): number {
    if (room.remote.size === 0) return room.local.size;
    const elsewhere = new Set<string>();
    for (const report of room.remote.values()) {
      for (const p of report.participants) if (!room.local.has(p.userId)) elsewhere.add(p.userId);
    }
    return room.local.size + elsewhere.size;
  }

  /** Everyone in the room, by display name: only for rooms at or under the limit. */
  private union(room: RoomRoster): Participant[] {
    const byId = new Map<string, string>();
    for (const [userId, u] of room.local) byId.set(userId, u.displayName);
    for (const report of room.remote.values()) {
      for (const p of report.participants) if (!byId.has(p.userId)) byId.set(p.userId, p.displayName);
    }
    return [...byId].map(([userId, displayName]) => ({ userId, displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** The roster as it stands (for join acks): the list, or null above the limit. */
  snapshot(roomId: string, limit: number): Roster {
    const room = this.rooms.get(roomId);
    if (!room) return { roomId, count: 0, truncated: false, participants: [] };
    const count = this.count(room);
    if (count > limit) return { roomId, count, truncated: true, participants: null };
    return { roomId, count, truncated: false, participants: this.union(room) };
  }

  /** What to send after a possible change: a full list, the one truncated marker, or nothing. */
  updateAfterChange(roomId: string, limit: number, force = false): Roster | null {
    const roster = this.snapshot(roomId, limit);
    const room = this.rooms.get(roomId);
    if (!room) return roster.count === 0 && !force ? null : roster;
    if (roster.participants === null) {
      // Above the limit nobody is told who came or went: the marker goes out once, even when
      // the limit changed (force), until the room is listed again.
      room.lastKey = TRUNCATED_KEY;
      if (room.truncatedAnnounced) return null;
      room.truncatedAnnounced = true;
      return roster;
    }
    const key = roster.participants.map((p) => p.userId).join('\n');
    if (!force && key === room.lastKey) return null;
    room.lastKey = key;
    room.truncatedAnnounced = false;
    return roster;
  }

  /** After the limit changed: every occupied room, re-evaluated at once (§9.7). */
  reevaluate(limit: number): Roster[] {
    return [...this.rooms.keys()].flatMap((roomId) => {
      const update = this.updateAfterChange(roomId, limit, true);
      return update ? [update] : [];
    });
  }
}
