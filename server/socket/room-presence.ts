// Joining and leaving rooms: the socket.io channel, the connection's joined set and the roster
// move together, and roster updates go out under the participant update limit (§2, §9.7).
import type { Participant } from '../domain';
import type { RosterTracker } from './roster-tracker';
import type { ChatServer, ChatSocket } from './types';
import { roomChannel } from './types';

export class RoomPresence {
  constructor(
    private readonly io: ChatServer,
    private readonly roster: RosterTracker,
    private readonly limit: () => number,
  ) {}

  async enter(socket: ChatSocket, roomId: string): Promise<void> {
    await socket.join(roomChannel(roomId));
    socket.data.joined.add(roomId);
    const { id: userId, displayName } = socket.data.user;
    const participant: Participant = { userId, displayName };
    // The joiner learns the roster from its ack; everyone else (its other windows included) here.
    if (this.roster.add(roomId, socket.id, participant)) this.broadcast(roomId, socket.id);
  }

  async exit(socket: ChatSocket, roomId: string): Promise<void> {
    if (!socket.data.joined.delete(roomId)) return;
    await socket.leave(roomChannel(roomId));
    if (this.roster.remove(roomId, socket.id, socket.data.user.id)) this.broadcast(roomId);
  }

  /** A closing connection leaves every room it was in. */
  exitAll(socket: ChatSocket): void {
    for (const roomId of socket.data.joined) {
      if (this.roster.remove(roomId, socket.id, socket.data.user.id)) this.broadcast(roomId, socket.id);
    }
    socket.data.joined.clear();
  }

  snapshot(roomId: string) {
    return this.roster.snapshot(roomId, this.limit());
  }

  forgetRoom(roomId: string): void {
    this.roster.forget(roomId);
  }

  reevaluateAll(): void {
    for (const update of this.roster.reevaluate(this.limit())) this.io.to(roomChannel(update.roomId)).emit('roster:update', update);
  }

  private broadcast(roomId: string, exceptSocketId?: string): void {
    const update = this.roster.updateAfterChange(roomId, this.limit());
    if (!update) return;
    const target = this.io.to(roomChannel(roomId));
    (exceptSocketId === undefined ? target : target.except(exceptSocketId)).emit('roster:update', update);
  }
}
