// Message search (PROTOCOL §2 `search`): the last query, where it looked, and its hits.
import type { SearchHit } from '../../common/protocol';

export interface SearchResults {
  query: string;
  /** null = all rooms the user may read. */
  roomId: string | null;
  status: 'searching' | 'done';
  hits: SearchHit[];
}

export interface SearchState {
  search: SearchResults | null;
}

export const initialSearchState: SearchState = { search: null };
