// Last joined room per user (migration 0010). The batch is one multi-row upsert; its WHERE keeps
// the newer join when two servers write the same user.
import type { Kysely } from 'kysely';
import type { LastRoomRepository } from '../last-room-storage';
import type { DatabaseSchema } from '../schema';

export function createLastRoomRepository(db: Kysely<DatabaseSchema>): LastRoomRepository {
  return {
    async get(userId) {
      const row = await db.selectFrom('last_rooms').select(['room_id', 'joined_at']).where('user_id', '=', userId).executeTakeFirst();
      return row === undefined ? null : { userId, roomId: row.room_id, joinedAt: row.joined_at };
    },
    async putMany(records) {
      if (records.length === 0) return;
      await db
        .insertInto('last_rooms')
        .values(records.map((r) => ({ user_id: r.userId, room_id: r.roomId, joined_at: r.joinedAt })))
        .onConflict((oc) =>
          oc
            .column('user_id')
            .doUpdateSet((eb) => ({ room_id: eb.ref('excluded.room_id'), joined_at: eb.ref('excluded.joined_at') }))
            .where((eb) => eb(eb.ref('excluded.joined_at'), '>=', eb.ref('last_rooms.joined_at'))),
        )
        .execute();
    },
  };
}
