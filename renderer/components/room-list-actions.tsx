// Slot for room-list level actions ("Create room", DESIGN §1 item 5). The room-management work
// fills this in; until then it renders nothing.
export function RoomListActions() {
  return null;
}
