// Coming back to the window reads the open room: messages that arrived while the user looked
// elsewhere counted as unread until now.
import { useEffect } from 'react';
import type { ChatClient } from '../store/socket-bridge';

export function useReadOnFocus(client: ChatClient): void {
  useEffect(() => {
    const onFocus = () => client.reads.focused();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [client]);
}
