// What every message row needs that is the same for the whole list: the strings (one
// useTranslation in the list instead of one per row: a room switch renders every row of the
// window), the room, the user, the server URL and the locale.
import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { RoomDetail, User } from '../../common/protocol';

export interface MessageRowContextValue {
  t: TFunction;
  locale: string;
  room: RoomDetail | null;
  user: User | null;
  serverUrl: string;
  /** A display name for a user id (roster, then senders in the timeline); null when unknown. */
  nameOf: (userId: string) => string | null;
}

export const MessageRowContext = createContext<MessageRowContextValue | null>(null);

export function useMessageRow(): MessageRowContextValue {
  const value = useContext(MessageRowContext);
  if (!value) throw new Error('MessageRowContext is missing above this row');
  return value;
}
