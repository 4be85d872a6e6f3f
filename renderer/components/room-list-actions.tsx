// Room-list actions at the top of the "Rooms" navigation: "Create room" for people who may
// create rooms somewhere (DESIGN §1 item 5, §1b), opening the room-management pages signed in.
import { useTranslation } from 'react-i18next';
import { useCanCreateRooms } from '../lib/use-can-create-rooms';
import { useManagementLauncher } from '../lib/use-management-launcher';
import { ManagementLaunchError } from './management-launch-error';

export function RoomListActions() {
  const { t } = useTranslation();
  const canCreate = useCanCreateRooms();
  const launcher = useManagementLauncher();
  if (!canCreate) return null;
  return (
    <div className="room-list-actions">
      <button type="button" className="management-button" disabled={launcher.busy} onClick={() => launcher.open()}>
        {t('rooms.create')}
      </button>
      <ManagementLaunchError error={launcher.error} />
    </div>
  );
}
