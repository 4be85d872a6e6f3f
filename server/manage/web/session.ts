// Where the pages keep their sign-in: sessionStorage only (gone with the tab, never shared with
// the chat client's storage), and how a handoff link's query is read and then erased.
import type { User } from '../../../common/protocol';

export interface ManageSession {
  token: string;
  user: User;
}

const KEY = 'pchat.manage.session';

export function loadSession(storage: Storage): ManageSession | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ManageSession> | null;
    if (typeof parsed?.token !== 'string' || typeof parsed.user?.name !== 'string') return null;
    return { token: parsed.token, user: parsed.user };
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: ManageSession | null): void {
  if (session === null) storage.removeItem(KEY);
  else storage.setItem(KEY, JSON.stringify(session));
}

export interface HandoffQuery {
  /** The one-time code from the client (PROTOCOL §1), or null when the page was opened directly. */
  code: string | null;
  roomId: string | null;
  /** The address to show instead: the same page without code/server (roomId becomes the path). */
  cleanPath: string;
}

/**
 * Reads `code`, `server` and `roomId` from a /manage address. `server` is not used: these
 * built-in pages only talk to the server that serves them (CSP connect-src 'self').
 */
export function readHandoffQuery(pathname: string, search: string): HandoffQuery {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const roomId = params.get('roomId');
  params.delete('code');
  params.delete('server');
  params.delete('roomId');
  const rest = params.toString();
  const path = roomId ? `/manage/rooms/${encodeURIComponent(roomId)}` : pathname;
  return { code: code || null, roomId: roomId || null, cleanPath: rest ? `${path}?${rest}` : path };
}
