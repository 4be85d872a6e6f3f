// Read-side of the store. Each selector returns a value already held in the state (or a
// primitive), so React re-renders only when that value changes.
import type { Category, RoomDetail, RoomSummary, Roster } from '../../common/protocol';
import { totalMentions } from './attention';
import type { ChatState } from './chat-store';
import { emptyTimeline, type RoomTimeline } from './messages-slice';

export const selectStatus = (state: ChatState) => state.status;
export const selectUser = (state: ChatState) => state.user;
export const selectConfig = (state: ChatState) => state.config;
export const selectServerUrl = (state: ChatState) => state.serverUrl;
export const selectError = (state: ChatState) => state.error;
export const selectRooms = (state: ChatState): RoomSummary[] => state.rooms;
export const selectCategories = (state: ChatState): Category[] => state.categories;
export const selectRoomsLoaded = (state: ChatState) => state.roomsLoaded;
export const selectActiveRoomId = (state: ChatState) => state.activeRoomId;
export const selectJoining = (state: ChatState) => state.joining;
export const selectClosedNotice = (state: ChatState) => state.closedNotice;
export const selectUpload = (state: ChatState) => state.upload;
export const selectSearch = (state: ChatState) => state.search;

export const selectRoomSummary =
  (roomId: string) =>
  (state: ChatState): RoomSummary | null =>
    state.rooms.find((room) => room.id === roomId) ?? null;

export const selectActiveRoom = (state: ChatState): RoomDetail | null =>
  state.activeRoomId === null ? null : (state.details[state.activeRoomId] ?? null);

export const selectTimeline =
  (roomId: string) =>
  (state: ChatState): RoomTimeline =>
    state.timelines[roomId] ?? emptyTimeline;

export const selectRoster =
  (roomId: string) =>
  (state: ChatState): Roster | null =>
    state.rosters[roomId] ?? null;

/** Rooms grouped under their categories, in the server's order; rooms of unknown categories last. */
export interface RoomGroup {
  id: string;
  name: string | null;
  rooms: RoomSummary[];
}

/** Names in the order people expect (case and accents aside, "Room 2" before "Room 10"). */
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Sorted here, not only by the server, so rooms and categories that arrive live (room:updated,
 * room:invited) take their place at once instead of landing at the end (issue 11). A room the
 * user is invited to stays in its category too (the invitation is listed above it as well), so
 * its button is where it always is.
 */
export function groupRooms(rooms: readonly RoomSummary[], categories: readonly Category[]): RoomGroup[] {
  const sortedCategories = [...categories].sort((a, b) => byName.compare(a.name, b.name));
  const groups: RoomGroup[] = sortedCategories.map((category) => ({ id: category.id, name: category.name, rooms: [] }));
  const byId = new Map(groups.map((group) => [group.id, group]));
  const other: RoomGroup = { id: '', name: null, rooms: [] };
  for (const room of rooms) (byId.get(room.categoryId) ?? other).rooms.push(room);
  for (const group of [...groups, other]) group.rooms.sort((a, b) => byName.compare(a.name, b.name));
  return [...groups, other].filter((group) => group.rooms.length > 0);
}

/** Pending invitations (a new array: call it inside useMemo over selectRooms, not as a selector). */
export const invitationsOf = (rooms: readonly RoomSummary[]): RoomSummary[] => rooms.filter((room) => room.invited === true);
export const selectView = (state: ChatState) => state.view;
export const selectPreferences = (state: ChatState) => state.preferences;
export const selectAlerts = (state: ChatState) => state.alerts;
export const selectAlertMatches = (state: ChatState) => state.alertMatches;
export const selectUnseenAlertMatches = (state: ChatState) => state.unseenAlertMatches;
export const selectInvitedBy = (state: ChatState) => state.invitedBy;
/** The sum of unread mentions over every room (tab title, dock badge). */
export const selectTotalMentions = (state: ChatState): number => totalMentions(state.rooms);
