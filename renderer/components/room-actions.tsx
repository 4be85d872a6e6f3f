// Slot for actions on the open room ("Manage room", DESIGN §1 item 5), shown in the room
// header. The room-management work fills this in; until then it renders nothing.
import type { RoomDetail } from '../../common/protocol';

export function RoomActions(_props: { room: RoomDetail }) {
  return null;
}
