// Pure state transitions for everything the server tells us. The socket bridge is the only
// caller; keeping them pure makes the dedup and ordering rules easy to test.
import type { Message, RoomDetail, Roster } from '../../common/protocol';
import type { ChatState } from './chat-store';
import { emptyTimeline, removeMessage, withMessages, type PendingMessage, type RoomTimeline } from './messages-slice';
import { summaryOf, upsertSummary } from './rooms-slice';

type Patch = Partial<ChatState>;

function timelineOf(state: ChatState, roomId: string): RoomTimeline {
  return state.timelines[roomId] ?? emptyTimeline;
}

// Other rooms keep their timeline objects as they are, so nothing that shows them re-renders.
function withTimeline(state: ChatState, roomId: string, timeline: RoomTimeline): Patch {
  if (state.timelines[roomId] === timeline) return {};
  return { timelines: { ...state.timelines, [roomId]: timeline } };
}

/** A fresh join shows exactly the server's window; a rejoin after reconnect merges into what is shown. */
export function applyJoin(
  state: ChatState,
  payload: { room: RoomDetail; messages: Message[]; hasMore: boolean; roster: Roster },
  mode: 'fresh' | 'rejoin',
): Patch {
  const { room, messages, hasMore, roster } = payload;
  const previous = timelineOf(state, room.id);
  const base: RoomTimeline =
    mode === 'fresh' ? { ...previous, messages: [], hasMore, loadingOlder: false } : previous;
  const timeline = withMessages(base, messages, state.user?.id);
  // A rejoin window lies after what is already shown, so whether anything is older is still
  // what it was; the server's hasMore speaks of its window's start (issue 11: "Load older
  // messages" came back after a reconnect with everything loaded).
  const older = mode === 'fresh' || previous.messages.length === 0 ? hasMore : previous.hasMore;
  return {
    ...withTimeline(state, room.id, { ...timeline, hasMore: nothingBefore(timeline) ? false : older }),
    details: { ...state.details, [room.id]: room },
    rooms: upsertSummary(state.rooms, summaryOf(room)),
    rosters: { ...state.rosters, [room.id]: roster },
  };
}

export function applyOlder(state: ChatState, roomId: string, messages: Message[], hasMore: boolean): Patch {
  const timeline = withMessages(timelineOf(state, roomId), messages, state.user?.id);
  return withTimeline(state, roomId, { ...timeline, hasMore: hasMore && !nothingBefore(timeline), loadingOlder: false });
}

/** Seq 1 is a room's first message: with it shown, nothing can be older. */
function nothingBefore(timeline: RoomTimeline): boolean {
  return timeline.messages[0]?.seq === 1;
}

export function applyLoadingOlder(state: ChatState, roomId: string, loadingOlder: boolean): Patch {
  return withTimeline(state, roomId, { ...timelineOf(state, roomId), loadingOlder });
}

/** Newer messages (message:new, a send ack, catch-up) — only for rooms whose timeline we hold. */
export function applyNewMessages(state: ChatState, roomId: string, messages: Message[]): Patch {
  const timeline = state.timelines[roomId];
  if (!timeline) return {};
  return withTimeline(state, roomId, withMessages(timeline, messages, state.user?.id));
}

export function applyMessageRemoved(state: ChatState, roomId: string, seq: number): Patch {
  const timeline = state.timelines[roomId];
  if (!timeline) return {};
  const messages = removeMessage(timeline.messages, seq);
  return messages === timeline.messages ? {} : withTimeline(state, roomId, { ...timeline, messages });
}

export function applyPending(state: ChatState, pending: PendingMessage): Patch {
  const timeline = timelineOf(state, pending.roomId);
  const others = timeline.pending.filter((entry) => entry.clientId !== pending.clientId);
  return withTimeline(state, pending.roomId, { ...timeline, pending: [...others, pending] });
}

export function applyPendingFailed(state: ChatState, roomId: string, clientId: string): Patch {
  const timeline = timelineOf(state, roomId);
  const pending = timeline.pending.map((entry) =>
    entry.clientId === clientId ? { ...entry, status: 'failed' as const } : entry,
  );
  return withTimeline(state, roomId, { ...timeline, pending });
}

export function applyRoomUpdated(state: ChatState, room: RoomDetail): Patch {
  const patch: Patch = {
    rooms: upsertSummary(state.rooms, summaryOf(room)),
    details: { ...state.details, [room.id]: room },
  };
  if (room.disabled && state.activeRoomId === room.id) {
    return { ...patch, activeRoomId: null, closedNotice: { roomName: room.name, reason: 'disabled' } };
  }
  return patch;
}

export function applyRoomRemoved(state: ChatState, roomId: string): Patch {
  const name = state.details[roomId]?.name ?? state.rooms.find((room) => room.id === roomId)?.name ?? roomId;
  const details = { ...state.details };
  delete details[roomId];
  const timelines = { ...state.timelines };
  delete timelines[roomId];
  const patch: Patch = { rooms: state.rooms.filter((room) => room.id !== roomId), details, timelines };
  if (state.activeRoomId !== roomId) return patch;
  return { ...patch, activeRoomId: null, joining: false, closedNotice: { roomName: name, reason: 'removed' } };
}
