// Which room opens after sign-in (a permalink, handled before this, wins over both): the device's
// own last room, else the one the server remembers from any device (rooms:list `lastRoomId`),
// else none ("Choose a room"). Only a room still in the list and not disabled is opened, so a
// room deleted or hidden since then never shows up as an error.
import type { RoomSummary } from '../../common/protocol';

export function initialRoom(
  rooms: readonly RoomSummary[],
  deviceLastRoomId: string | null,
  serverLastRoomId: string | null,
): string | null {
  const openable = (roomId: string | null): roomId is string =>
    roomId !== null && rooms.some((room) => room.id === roomId && !room.disabled);
  if (openable(deviceLastRoomId)) return deviceLastRoomId;
  if (openable(serverLastRoomId)) return serverLastRoomId;
  return null;
}
