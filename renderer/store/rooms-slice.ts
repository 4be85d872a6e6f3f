// The room list (rooms:list), the details of rooms the user has joined, and which room is open.
import type { Category, RoomDetail, RoomSummary } from '../../common/protocol';

export interface ClosedRoomNotice {
  roomName: string;
  reason: 'removed' | 'disabled';
}

export interface RoomsState {
  rooms: RoomSummary[];
  categories: Category[];
  roomsLoaded: boolean;
  activeRoomId: string | null;
  /** Set while a room:join is in flight for activeRoomId. */
  joining: boolean;
  details: Record<string, RoomDetail>;
  /** Why the room that was open got closed (shown instead of it). */
  closedNotice: ClosedRoomNotice | null;
}

export const initialRoomsState: RoomsState = {
  rooms: [],
  categories: [],
  roomsLoaded: false,
  activeRoomId: null,
  joining: false,
  details: {},
  closedNotice: null,
};

/** Summary fields of a detail, so room:updated keeps the list in step with the open room. */
export function summaryOf(room: RoomDetail): RoomSummary {
  return {
    id: room.id,
    name: room.name,
    description: room.description,
    categoryId: room.categoryId,
    type: room.type,
    privacy: room.privacy,
    disabled: room.disabled,
    joined: room.joined,
    isMember: room.isMember,
    canManage: room.canManage,
  };
}

export function upsertSummary(rooms: RoomSummary[], room: RoomSummary): RoomSummary[] {
  const index = rooms.findIndex((candidate) => candidate.id === room.id);
  if (index === -1) return [...rooms, room];
  const next = rooms.slice();
  // A detail carries no read fields (followed, lastSeq, lastReadSeq); keep the list's.
  next[index] = { ...rooms[index], ...room };
  return next;
}
