// One vanilla zustand store made of the per-concern slices. Components read it through
// selectors (./selectors.ts); only the socket bridge (./socket-bridge.ts) writes to it.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialAttentionState, type AttentionState } from './attention-slice';
import { initialMessagesState, type MessagesState } from './messages-slice';
import { initialMessageUiState, type MessageUiState } from './message-ui-slice';
import { initialRoomsState, type RoomsState } from './rooms-slice';
import { initialRosterState, type RosterState } from './roster-slice';
import { initialSearchState, type SearchState } from './search-slice';
import { initialSessionState, type SessionState } from './session-slice';
import { initialUiState, type UiState } from './ui-slice';
import { initialUploadsState, type UploadsState } from './uploads-slice';

export type ChatState = SessionState &
  RoomsState &
  MessagesState &
  MessageUiState &
  RosterState &
  UiState &
  UploadsState &
  SearchState &
  AttentionState;
export type ChatStore = StoreApi<ChatState>;

export function initialChatState(): ChatState {
  return {
    ...initialSessionState,
    ...initialRoomsState,
    ...initialMessagesState,
    ...initialMessageUiState,
    ...initialRosterState,
    ...initialUiState,
    ...initialUploadsState,
    ...initialSearchState,
    ...initialAttentionState,
  };
}

export function createChatStore(): ChatStore {
  return createStore<ChatState>()(() => initialChatState());
}
