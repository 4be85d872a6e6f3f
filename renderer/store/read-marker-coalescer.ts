// Coalesces outgoing read markers (DESIGN §4b): a focused client reads every arrival, but the
// server hears at most one `room:read` per room per interval, carrying the highest seq read.
// The first marker after a quiet interval leaves at once (a read shows on the user's other
// devices without waiting); later ones wait for the interval to end. `flush` sends what waits
// right away, for the moments the user stops reading: blur, leaving the room, the page hiding.
export const READ_MARKER_INTERVAL_MS = 2_000;

interface RoomQueue {
  /** Date.now() of the last send, -Infinity before the first. */
  sentAt: number;
  /** Highest seq read and not sent yet. */
  queued: number | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export class ReadMarkerCoalescer {
  private readonly rooms = new Map<string, RoomQueue>();

  constructor(
    private readonly send: (roomId: string, seq: number) => void,
    private readonly intervalMs = READ_MARKER_INTERVAL_MS,
  ) {}

  /** Queues `seq` for `roomId`: sent now if the room sent nothing within the interval, else when it ends. */
  queue(roomId: string, seq: number): void {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = { sentAt: -Infinity, queued: null, timer: null };
      this.rooms.set(roomId, room);
    }
    room.queued = Math.max(room.queued ?? 0, seq);
    if (room.timer !== null) return;
    const wait = room.sentAt + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.sendNow(roomId, room);
      return;
    }
    const queuedRoom = room;
    room.timer = setTimeout(() => this.sendNow(roomId, queuedRoom), wait);
  }

  /** Sends what waits for one room, or for every room, now. */
  flush(roomId?: string): void {
    if (roomId !== undefined) {
      const room = this.rooms.get(roomId);
      if (room) this.sendNow(roomId, room);
      return;
    }
    for (const [id, room] of this.rooms) this.sendNow(id, room);
  }

  /** Whether a marker waits for `roomId` (tests and the bridge's sign-out). */
  pending(roomId: string): number | null {
    return this.rooms.get(roomId)?.queued ?? null;
  }

  /** Forgets everything without sending (sign-out, a new session). */
  reset(): void {
    for (const room of this.rooms.values()) if (room.timer !== null) clearTimeout(room.timer);
    this.rooms.clear();
  }

  private sendNow(roomId: string, room: RoomQueue): void {
    if (room.timer !== null) clearTimeout(room.timer);
    room.timer = null;
    const seq = room.queued;
    if (seq === null) return;
    room.queued = null;
    room.sentAt = Date.now();
    this.send(roomId, seq);
  }
}
