// room:activity crossing to the other servers in batches (issue 8, two servers): pushed to whole
// users (every socket of theirs, on every server), or to readers' sockets outside the room. A
// marker flush announces one read per reader at once (read-marker-service.ts announceReads): sent
// as one broadcast each, a flush of 100 readers was 100 Redis messages that every other server
// decoded, nearly all for users with no socket there, in the way of the next message:new. Now each
// server delivers to its own sockets, and everything announced in one turn of the event loop
// reaches the others as one cluster message. A stored message's pushes (its readers', and the
// sender's own marker) travel the same way: they were two Redis messages per message. So do the
// seqs a server stores (cluster-sync.ts): the others then answer their readers' reads from memory.
import type { RoomActivity } from '../domain';

/** One push: these users' sockets, all of them or all but one connection (`allBut`). */
export type UserActivity = [userIds: string[], payload: RoomActivity, allBut: string | null];

/**
 * One push for a stored message: these readers' sockets that have not joined the room, none of
 * `exceptUser`'s. `null` for the room's readers: each server keeps them and works the list out
 * itself, so a room of thousands of readers does not send their ids with every message.
 */
export type UnjoinedActivity = [userIds: string[] | null, payload: RoomActivity, exceptUser: string | null];

/** A message stored here: its room and seq, for the servers whose readers read it next. */
export type StoredSeq = [roomId: string, seq: number];

/** A user who became one of the room's readers here (a first read). */
export type NewReader = [roomId: string, userId: string];

/** A cluster message stays well under a megabyte even when a restart's flush announces thousands. */
export const MAX_RELAYED = 1000;

export class ActivityRelay<Activity = UserActivity> {
  private pending: Activity[] = [];

  constructor(private readonly send: (batch: Activity[]) => void) {}

  add(activity: Activity): void {
    if (this.pending.length === 0) queueMicrotask(() => this.flush());
    this.pending.push(activity);
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = [];
    for (let start = 0; start < pending.length; start += MAX_RELAYED) this.send(pending.slice(start, start + MAX_RELAYED));
  }
}
