// Unread counts, follows and mention notifications (docs/protocol.md "What pchat adds"). The
// bridge hands every received message and every `room:activity` here; this is the only code that
// writes the read fields of the room summaries. The server keeps the markers, so a reload or
// another device starts from what rooms:list says.
//
// Reading is local first: the count drops at once, and the marker goes to the server through
// ReadMarkerCoalescer, at most one `room:read` per room every two seconds (DESIGN §4b), sent at
// once on opening a room and flushed when the user stops looking (blur, page hidden, room left).
// A read on another device comes back as `room:activity` with a higher `lastReadSeq`.
import type { Message, RoomActivity, RoomSummary } from '../../common/protocol';
import type { ChatState, ChatStore } from './chat-store';
import { ReadMarkerCoalescer } from './read-marker-coalescer';
import type { Requester } from './requester';

export interface ReadMarkerHost {
  /** Whether the user is looking at the window: only then does an arriving message count as read. */
  isFocused(): boolean;
}

type ReadFields = Pick<RoomSummary, 'followed' | 'lastSeq' | 'lastReadSeq' | 'mentions'>;

function patchRoom(state: ChatState, roomId: string, patch: (room: RoomSummary) => Partial<ReadFields>): Partial<ChatState> {
  const index = state.rooms.findIndex((room) => room.id === roomId);
  const room = state.rooms[index];
  if (!room) return {};
  const fields = patch(room);
  // Read to the end: no unread message is left to mention the user (PROTOCOL §12 `mentions`).
  const lastSeq = fields.lastSeq ?? room.lastSeq;
  const lastReadSeq = fields.lastReadSeq ?? room.lastReadSeq;
  if (room.mentions && lastSeq !== undefined && (lastReadSeq ?? 0) >= lastSeq) fields.mentions = 0;
  // Nothing moved: keep the list as it is, so the room list does not re-render per arrival.
  const keys = Object.keys(fields) as (keyof ReadFields)[];
  if (keys.every((key) => fields[key] === room[key])) return {};
  const rooms = state.rooms.slice();
  rooms[index] = { ...room, ...fields };
  return { rooms };
}

const higher = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * What the room list shows: rooms the user follows, has joined, or has read before (a marker
 * above 0) count; a room never opened nor followed does not (it would be noise).
 */
export function unreadCount(room: RoomSummary): number {
  if (room.lastSeq === undefined) return 0;
  if (!room.followed && !room.joined && !(room.lastReadSeq ?? 0)) return 0;
  return Math.max(0, room.lastSeq - (room.lastReadSeq ?? 0));
}

/** Unread messages that mention the user (the server's count, kept current by the client). */
export function mentionCount(room: RoomSummary): number {
  return room.mentions ?? 0;
}

export class ReadMarkers {
  private readonly outgoing: ReadMarkerCoalescer;

  constructor(
    private readonly store: ChatStore,
    private readonly request: Requester,
    private readonly host: ReadMarkerHost,
  ) {
    this.outgoing = new ReadMarkerCoalescer((roomId, seq) => void this.sendRead(roomId, seq));
  }

  private room(roomId: string): RoomSummary | undefined {
    return this.store.getState().rooms.find((room) => room.id === roomId);
  }

  /** Messages shown live in the open room (message:new or catch-up). */
  received(roomId: string, messages: readonly Message[]): void {
    if (messages.length === 0) return;
    const { user, activeRoomId } = this.store.getState();
    let top = 0;
    let ownSeq: number | undefined;
    for (const message of messages) {
      top = Math.max(top, message.seq);
      // The server moves the sender's marker over their own message; mirror it without a request.
      if (message.senderId === user?.id) ownSeq = Math.max(ownSeq ?? 0, message.seq);
    }
    const focused = this.host.isFocused();
    const reading = roomId === activeRoomId && focused;
    const before = this.room(roomId);
    // One update per arrival: the new last seq and, when the user is looking, the read marker.
    // A room without lastSeq has no count (history off, or not readable): leave it so.
    this.store.setState((s) =>
      patchRoom(s, roomId, (room) =>
        room.lastSeq === undefined
          ? {}
          : { lastSeq: higher(room.lastSeq, top), lastReadSeq: higher(room.lastReadSeq, reading ? top : ownSeq) },
      ),
    );
    const knownRead = higher(before?.lastReadSeq, ownSeq) ?? 0;
    if (reading && before?.lastSeq !== undefined && top > knownRead) this.outgoing.queue(roomId, top);
  }

  /** room:activity: a message was stored in a followed room, maybe one that is not open. */
  // Mentions are not looked for here: the server pushes `mention:new` for every room the user may
  // read (PROTOCOL §12), and store/attention.ts counts and notifies them.
  activity({ roomId, lastSeq, lastReadSeq }: RoomActivity): void {
    this.store.setState((s) =>
      patchRoom(s, roomId, (room) => ({ lastSeq: higher(room.lastSeq, lastSeq), lastReadSeq: higher(room.lastReadSeq, lastReadSeq) })),
    );
  }

  /** A message that mentions the user, seen by store/attention.ts: one more unread mention unless
   * the user is reading the room right now. Answers whether it counted. */
  mentioned(message: Message): boolean {
    const { activeRoomId } = this.store.getState();
    if (message.roomId === activeRoomId && this.host.isFocused()) return false;
    const room = this.room(message.roomId);
    if (!room || (room.lastReadSeq ?? 0) >= message.seq) return false;
    this.store.setState((s) =>
      patchRoom(s, message.roomId, (r) => ({ mentions: (r.mentions ?? 0) + 1, lastSeq: higher(r.lastSeq, r.lastSeq === undefined ? undefined : message.seq) })),
    );
    return true;
  }

  /** After a join: everything the room showed is read, if the user is looking; sent at once. */
  joined(roomId: string): void {
    this.readShown(roomId);
    this.outgoing.flush(roomId);
  }

  /** The window got the focus back: the open room is read up to what it shows. */
  focused(): void {
    const { activeRoomId } = this.store.getState();
    if (activeRoomId) this.readShown(activeRoomId);
  }

  /**
   * The user stopped looking (window blurred, page hidden) or left `roomId`: what waits goes now,
   * so the user's other devices see the read within the interval.
   */
  flush(roomId?: string): void {
    this.outgoing.flush(roomId);
  }

  /** A new session: forget queued markers without sending them. */
  reset(): void {
    this.outgoing.reset();
  }

  private readShown(roomId: string): void {
    const state = this.store.getState();
    const newest = higher(state.timelines[roomId]?.messages.at(-1)?.seq, this.room(roomId)?.lastSeq);
    if (newest !== undefined && this.host.isFocused()) this.markRead(roomId, newest);
  }

  /** Marks `roomId` read up to `seq`: the local count drops now, the server hears it coalesced. */
  markRead(roomId: string, seq: number): void {
    const room = this.room(roomId);
    // Rooms without a count (no history, no right to read) have nothing to mark.
    if (!room || room.lastSeq === undefined || seq <= (room.lastReadSeq ?? 0)) return;
    this.store.setState((s) => patchRoom(s, roomId, (r) => ({ lastReadSeq: higher(r.lastReadSeq, Math.min(seq, r.lastSeq ?? seq)) })));
    this.outgoing.queue(roomId, seq);
  }

  private async sendRead(roomId: string, seq: number): Promise<void> {
    const ack = await this.request('room:read', { roomId, seq });
    if (ack?.ok) this.store.setState((s) => patchRoom(s, roomId, (r) => ({ lastReadSeq: higher(r.lastReadSeq, ack.lastReadSeq) })));
  }

  async follow(roomId: string, follow: boolean): Promise<boolean> {
    const ack = await this.request('room:follow', { roomId, follow });
    if (!ack?.ok) return false;
    this.store.setState((s) => patchRoom(s, roomId, () => ({ followed: follow })));
    return true;
  }
}
