// `search` (PROTOCOL §2): one room or every readable room. A newer query replaces an older
// one's answer, so results never belong to a query the user already changed.
import type { ChatStore } from './chat-store';
import { errorOf, type Requester } from './requester';

export async function searchMessages(
  store: ChatStore,
  request: Requester,
  query: string,
  roomId: string | null,
): Promise<void> {
  const trimmed = query.trim();
  if (trimmed === '') return;
  store.setState({ search: { query: trimmed, roomId, status: 'searching', hits: [] }, error: null });
  const ack = await request('search', roomId ? { query: trimmed, roomId } : { query: trimmed });
  const current = store.getState().search;
  if (!current || current.query !== trimmed || current.roomId !== roomId) return;
  if (ack?.ok) {
    store.setState({ search: { ...current, status: 'done', hits: ack.hits } });
    return;
  }
  store.setState({ search: { ...current, status: 'done' } });
  if (ack) store.setState({ error: errorOf(ack.error) });
}
