// The participant list per room, exactly as the server last described it. When `truncated`,
// `participants` is null: the UI must show the count and the paused state, never an old list.
import type { Roster } from '../../common/protocol';

export interface RosterState {
  rosters: Record<string, Roster>;
}

export const initialRosterState: RosterState = { rosters: {} };
