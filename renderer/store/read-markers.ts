// Unread counts, follows and mention notifications (docs/protocol.md "What pchat adds"). The
// bridge hands every received message and every `room:activity` here; this is the only code that
// writes the read fields of the room summaries. The server keeps the markers, so a reload or
// another device starts from what rooms:list says.
import type { Message, RoomActivity, RoomSummary } from '../../common/protocol';
import { mentions } from '../lib/mentions';
import type { ChatState, ChatStore } from './chat-store';
import type { Requester } from './requester';

export interface ReadMarkerHost {
  /** Whether the user is looking at the window: only then does an arriving message count as read. */
  isFocused(): boolean;
  notify(title: string, body: string): void;
}

type ReadFields = Pick<RoomSummary, 'followed' | 'lastSeq' | 'lastReadSeq'>;

function patchRoom(state: ChatState, roomId: string, patch: (room: RoomSummary) => ReadFields): Partial<ChatState> {
  const index = state.rooms.findIndex((room) => room.id === roomId);
  const room = state.rooms[index];
  if (!room) return {};
  const rooms = state.rooms.slice();
  rooms[index] = { ...room, ...patch(room) };
  return { rooms };
}

const higher = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/** What the room list shows: only followed rooms count (others are not watched live). */
export function unreadCount(room: RoomSummary): number {
  if (!room.followed || room.lastSeq === undefined) return 0;
  return Math.max(0, room.lastSeq - (room.lastReadSeq ?? 0));
}

export class ReadMarkers {
  constructor(
    private readonly store: ChatStore,
    private readonly request: Requester,
    private readonly host: ReadMarkerHost,
  ) {}

  private room(roomId: string): RoomSummary | undefined {
    return this.store.getState().rooms.find((room) => room.id === roomId);
  }

  /** Messages shown live in the open room (message:new or catch-up). */
  received(roomId: string, messages: readonly Message[]): void {
    const last = messages.at(-1);
    if (!last) return;
    const { user, activeRoomId } = this.store.getState();
    // The server moves the sender's marker over their own message; mirror it without a request.
    const ownSeq = messages.filter((m) => m.senderId === user?.id).at(-1)?.seq;
    // A room without lastSeq has no count (history off, or not readable): leave it so.
    this.store.setState((s) =>
      patchRoom(s, roomId, (room) =>
        room.lastSeq === undefined ? {} : { lastSeq: higher(room.lastSeq, last.seq), lastReadSeq: higher(room.lastReadSeq, ownSeq) },
      ),
    );
    const focused = this.host.isFocused();
    if (roomId === activeRoomId && focused) void this.markRead(roomId, last.seq);
    if (!focused) this.notifyMentions(roomId, messages);
  }

  /** room:activity: a message was stored in a followed room, maybe one that is not open. */
  activity({ roomId, lastSeq, lastReadSeq }: RoomActivity): void {
    const before = this.room(roomId);
    this.store.setState((s) =>
      patchRoom(s, roomId, (room) => ({ lastSeq: higher(room.lastSeq, lastSeq), lastReadSeq: higher(room.lastReadSeq, lastReadSeq) })),
    );
    // The open room hears the messages themselves (received()); a followed room elsewhere only
    // hears the seq, so fetch what is new to look for mentions.
    const known = before?.lastSeq;
    if (roomId !== this.store.getState().activeRoomId && known !== undefined && lastSeq > known && lastReadSeq === undefined) {
      void this.fetchForMentions(roomId, known);
    }
  }

  private async fetchForMentions(roomId: string, afterSeq: number): Promise<void> {
    const ack = await this.request('messages:since', { roomId, afterSeq });
    if (ack?.ok) this.notifyMentions(roomId, ack.messages);
  }

  private notifyMentions(roomId: string, messages: readonly Message[]): void {
    const { user } = this.store.getState();
    const room = this.room(roomId);
    if (!user || !room) return;
    for (const message of messages) {
      if (message.senderId !== user.id && mentions(message.text, user)) this.host.notify(`${message.senderName} · ${room.name}`, message.text);
    }
  }

  /** After a join: everything the room showed is read, if the user is looking. */
  joined(roomId: string): void {
    const state = this.store.getState();
    const newest = higher(state.timelines[roomId]?.messages.at(-1)?.seq, this.room(roomId)?.lastSeq);
    if (newest !== undefined && this.host.isFocused()) void this.markRead(roomId, newest);
  }

  /** The window got the focus back: the open room is read up to what it shows. */
  focused(): void {
    const { activeRoomId } = this.store.getState();
    if (activeRoomId) this.joined(activeRoomId);
  }

  async markRead(roomId: string, seq: number): Promise<void> {
    const room = this.room(roomId);
    // Rooms without a count (no history, no right to read) have nothing to mark.
    if (!room || room.lastSeq === undefined || seq <= (room.lastReadSeq ?? 0)) return;
    this.store.setState((s) => patchRoom(s, roomId, (r) => ({ lastReadSeq: higher(r.lastReadSeq, Math.min(seq, r.lastSeq ?? seq)) })));
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
