import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/protocol';
import type { User } from '../domain';

export interface SocketData {
  user: User;
  tokenHash: string;
  /** Rooms this connection has joined (RoomSummary.joined is per connection, §9.11). */
  joined: Set<string>;
  /** Rooms this connection has been told about, so it hears when one goes away. */
  known: Set<string>;
}

export type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const roomChannel = (roomId: string): string => `room:${roomId}`;
export const tokenChannel = (tokenHash: string): string => `token:${tokenHash}`;
