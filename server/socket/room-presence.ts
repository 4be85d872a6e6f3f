// Joining and leaving rooms: the socket.io channel, the connection's joined set and the roster
// move together, and roster updates go out under the participant update limit (§2, §9.7).
// Each server sends roster updates to its own sockets only; with several servers it reports its
// users per room to the others, which merge them (see roster-tracker.ts).
import type { Participant } from '../domain';
import type { RosterTracker } from './roster-tracker';
import type { ChatServer, ChatSocket } from './types';
import { roomChannel } from './types';
import { UnjoinedReaders } from './unjoined-readers';

export class RoomPresence {
  /** Who of a room's readers have a socket here outside it (room:activity's audience). */
  readonly unjoined: UnjoinedReaders;

  constructor(
    private readonly io: ChatServer,
    private readonly roster: RosterTracker,
    private readonly limit: () => number,
    /** Set when several servers run together. */
    private readonly serverId: string | null = null,
  ) {
    this.unjoined = new UnjoinedReaders(io);
  }

  /** A socket connected here: a reader may now have one outside their rooms. */
  connected(socket: ChatSocket): void {
    this.unjoined.userChanged(socket.data.user.id);
  }

  async enter(socket: ChatSocket, roomId: string): Promise<void> {
    await socket.join(roomChannel(roomId));
    socket.data.joined.add(roomId);
    this.unjoined.roomChanged(roomId);
    const { id: userId, displayName } = socket.data.user;
    const participant: Participant = { userId, displayName };
    // The joiner learns the roster from its ack; everyone else (its other windows included) here.
    if (this.roster.add(roomId, socket.id, participant)) this.changed(roomId, socket.id);
  }

  async exit(socket: ChatSocket, roomId: string): Promise<void> {
    if (!socket.data.joined.delete(roomId)) return;
    this.unjoined.roomChanged(roomId);
    await socket.leave(roomChannel(roomId));
    if (this.roster.remove(roomId, socket.id, socket.data.user.id)) this.changed(roomId);
  }

  /** A closing connection leaves every room it was in. */
  exitAll(socket: ChatSocket): void {
    for (const roomId of socket.data.joined) {
      if (this.roster.remove(roomId, socket.id, socket.data.user.id)) this.changed(roomId, socket.id);
    }
    socket.data.joined.clear();
    // Gone from every room's audience it was in: those of the rooms its user reads.
    this.unjoined.userChanged(socket.data.user.id);
  }

  snapshot(roomId: string) {
    return this.roster.snapshot(roomId, this.limit());
  }

  forgetRoom(roomId: string): void {
    this.roster.forget(roomId);
  }

  reevaluateAll(): void {
    for (const update of this.roster.reevaluate(this.limit())) this.io.local.to(roomChannel(update.roomId)).emit('roster:update', update);
  }

  /** Another server's users in a room. */
  remoteChanged(serverId: string, roomId: string, participants: Participant[]): void {
    this.roster.setRemote(roomId, serverId, participants);
    this.broadcast(roomId);
  }

  remoteGone(serverId: string): void {
    for (const roomId of this.roster.dropServer(serverId)) this.broadcast(roomId);
  }

  /** Drops what servers that stopped reporting had said, and tells local sockets. */
  expireRemote(before: number): void {
    for (const roomId of this.roster.expireRemote(before)) this.broadcast(roomId);
  }

  /** Tells the other servers about every room this one has people in (when one joins, and
   * periodically, which keeps its reports from expiring). */
  publishAll(): void {
    for (const roomId of this.roster.localRoomIds()) this.publish(roomId);
  }

  private changed(roomId: string, exceptSocketId?: string): void {
    this.publish(roomId);
    this.broadcast(roomId, exceptSocketId);
  }

  private publish(roomId: string): void {
    if (this.serverId !== null) this.io.serverSideEmit('pchat:roster', this.serverId, roomId, this.roster.localParticipants(roomId));
  }

  private broadcast(roomId: string, exceptSocketId?: string): void {
    const update = this.roster.updateAfterChange(roomId, this.limit());
    if (!update) return;
    const target = this.io.local.to(roomChannel(roomId));
    (exceptSocketId === undefined ? target : target.except(exceptSocketId)).emit('roster:update', update);
  }
}
