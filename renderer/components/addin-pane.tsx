// Slot for the room's add-in pane (DESIGN §1 item 4: region "Add-in" with a sandboxed iframe),
// rendered beside the conversation. The add-in work fills this in; until then it renders nothing.
import type { RoomDetail } from '../../common/protocol';

export function AddinPane(_props: { room: RoomDetail }) {
  return null;
}
