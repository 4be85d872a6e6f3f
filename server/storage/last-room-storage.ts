// The room each user last joined (migration 0010), kept on the server so a new device or a
// cleared browser opens it after sign-in. Beside repositories.ts and schema.ts, which include it.

export interface LastRoomsTable {
  user_id: string;
  /** No foreign key: a room deleted meanwhile is simply not offered (the service checks the
   * directory), and a batched write never fails because one room of it went away. */
  room_id: string;
  /** ISO time of the join: with several servers the newest join wins, whichever writes last. */
  joined_at: string;
}

export interface LastRoomTables {
  last_rooms: LastRoomsTable;
}

export interface LastRoomRecord {
  userId: string;
  roomId: string;
  joinedAt: string;
}

export interface LastRoomRepository {
  /** The user's last joined room as stored, or null. */
  get(userId: string): Promise<LastRoomRecord | null>;
  /** One statement for the records (each user once, a few hundred at most: the service chunks);
   * an older join never replaces a newer one. */
  putMany(records: readonly LastRoomRecord[]): Promise<void>;
}

export interface LastRoomStorage {
  lastRooms: LastRoomRepository;
}
