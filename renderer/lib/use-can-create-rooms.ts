// Whether to offer "Create room": administrators always; anyone else when the server's
// GET /api/categories (a pchat addition, docs/protocol.md) lists a category they may create in.
// Asked again on (re)connect and when the room or category lists change, because an
// administrator adding someone to a category's creators shows up as room updates.
import { useEffect, useState } from 'react';
import { useChat } from '../app/chat-context';
import { selectCategories, selectServerUrl, selectStatus, selectUser } from '../store/selectors';

export async function fetchCanCreate(fetchFn: typeof fetch, serverUrl: string, token: string): Promise<boolean> {
  try {
    const response = await fetchFn(`${serverUrl}/api/categories`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return Array.isArray(body) && body.some((entry: unknown) => (entry as { canCreate?: unknown } | null)?.canCreate === true);
  } catch {
    // A server without the route, or offline: no button rather than a broken one.
    return false;
  }
}

export function useCanCreateRooms(): boolean {
  const user = useChat(selectUser);
  const serverUrl = useChat(selectServerUrl);
  const token = useChat((state) => state.token);
  const status = useChat(selectStatus);
  const categories = useChat(selectCategories);
  const roomCount = useChat((state) => state.rooms.length);
  const isAdmin = user?.roles.includes('admin') ?? false;
  const [canCreate, setCanCreate] = useState(false);

  useEffect(() => {
    if (isAdmin || token === null || status !== 'connected') return;
    let live = true;
    void fetchCanCreate((input, init) => fetch(input, init), serverUrl, token).then((value) => {
      if (live) setCanCreate(value);
    });
    return () => {
      live = false;
    };
  }, [isAdmin, token, serverUrl, status, categories, roomCount]);

  return isAdmin || canCreate;
}
