// Coming back to the window reads the open room: messages that arrived while the user looked
// elsewhere counted as unread until now. Looking away (blur, the page hidden or going away)
// sends the read marker that still waits for its coalescing interval, so the user's other
// devices see the read at once.
import { useEffect } from 'react';
import type { ChatClient } from '../store/socket-bridge';

export function useReadOnFocus(client: ChatClient): void {
  useEffect(() => {
    const onFocus = () => client.reads.focused();
    const onAway = () => client.reads.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') client.reads.flush();
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onAway);
    window.addEventListener('pagehide', onAway);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onAway);
      window.removeEventListener('pagehide', onAway);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [client]);
}
