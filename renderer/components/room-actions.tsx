// Actions on the open room, in the room header: "Manage room" for the room's managers (DESIGN §1
// item 5, §1b), opening the room-management pages signed in and on this room.
import { useTranslation } from 'react-i18next';
import type { RoomDetail } from '../../common/protocol';
import { useManagementLauncher } from '../lib/use-management-launcher';
import { ManagementLaunchError } from './management-launch-error';

export function RoomActions({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const launcher = useManagementLauncher();
  if (!room.canManage) return null;
  return (
    <>
      <button type="button" className="management-button" disabled={launcher.busy} onClick={() => launcher.open(room.id)}>
        {t('room.manage')}
      </button>
      <ManagementLaunchError error={launcher.error} />
    </>
  );
}
