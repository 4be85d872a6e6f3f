// The click behind "Manage room" and "Create room": reads the session and the live effective
// config from the store at click time (so a config:updated that changed roomManagementUrl applies
// to the very next click) and opens the management page. Its failures stay local to the button.
import { useCallback, useState } from 'react';
import { useChat, useChatClient, usePlatform } from '../app/chat-context';
import { selectConfig, selectServerUrl } from '../store/selectors';
import type { UiError } from '../store/ui-slice';
import { openRoomManagement } from './open-room-management';

export interface ManagementLauncher {
  /** Must be called straight from the click handler (the web host opens its window there). */
  open(roomId?: string): void;
  busy: boolean;
  error: UiError | null;
}

export function useManagementLauncher(): ManagementLauncher {
  const platform = usePlatform();
  const client = useChatClient();
  const serverUrl = useChat(selectServerUrl);
  const token = useChat((state) => state.token);
  const config = useChat(selectConfig);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const open = useCallback(
    (roomId?: string) => {
      if (token === null) return setError({ key: 'errors.unauthorized' });
      setBusy(true);
      setError(null);
      openRoomManagement({ platform, fetchFn: (input, init) => fetch(input, init) }, { serverUrl, token, config, roomId })
        .then((result) => {
          // The server refused the token itself (expired or revoked): the whole session is over.
          if (!result.ok && result.error.key === 'errors.unauthorized') client.sessionEnded();
          else setError(result.ok ? null : result.error);
        })
        .catch(() => setError({ key: 'errors.unknown' }))
        .finally(() => setBusy(false));
    },
    [platform, client, serverUrl, token, config],
  );

  return { open, busy, error };
}
