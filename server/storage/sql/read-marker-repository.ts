// Read markers and follows (migration 0004). Both writes are single upserts, so two devices
// marking the same room at once cannot move the marker back.
import { type Kysely, sql } from 'kysely';
import type { ReadMarkerRepository } from '../repositories';
import type { DatabaseSchema } from '../schema';
import { inChunks } from './chunks';
import { fromFlag, toFlag } from './json-list';

/** Moves the marker forward only: CASE rather than max()/greatest(), the one spelling both dialects share. */
const FORWARD_ONLY = sql<number>`case when excluded.last_read_seq > read_markers.last_read_seq then excluded.last_read_seq else read_markers.last_read_seq end`;

export function createReadMarkerRepository(db: Kysely<DatabaseSchema>): ReadMarkerRepository {
  return {
    async listForUser(userId) {
      const rows = await db.selectFrom('read_markers').select(['room_id', 'last_read_seq', 'followed']).where('user_id', '=', userId).execute();
      return rows.map((r) => ({ roomId: r.room_id, lastReadSeq: Number(r.last_read_seq), followed: fromFlag(Number(r.followed)) }));
    },
    async markRead(userId, roomId, seq) {
      const row = await db
        .insertInto('read_markers')
        .values({ user_id: userId, room_id: roomId, last_read_seq: seq, followed: 0 })
        .onConflict((oc) =>
          oc.columns(['user_id', 'room_id']).doUpdateSet({ last_read_seq: FORWARD_ONLY }),
        )
        .returning('last_read_seq')
        .executeTakeFirstOrThrow();
      return Number(row.last_read_seq);
    },
    async markReadMany(markers) {
      // A statement per 500 markers (each pair appears once): a batch after a restart of thousands
      // of users would pass SQLite's limit of bound parameters in one.
      for (const part of inChunks(markers)) {
        await db
          .insertInto('read_markers')
          .values(part.map((m) => ({ user_id: m.userId, room_id: m.roomId, last_read_seq: m.seq, followed: 0 })))
          .onConflict((oc) => oc.columns(['user_id', 'room_id']).doUpdateSet({ last_read_seq: FORWARD_ONLY }))
          .execute();
      }
    },
    async marker(userId, roomId) {
      const row = await db
        .selectFrom('read_markers')
        .select('last_read_seq')
        .where('user_id', '=', userId)
        .where('room_id', '=', roomId)
        .executeTakeFirst();
      return row === undefined ? 0 : Number(row.last_read_seq);
    },
    async setFollowed(userId, roomId, followed) {
      await db
        .insertInto('read_markers')
        .values({ user_id: userId, room_id: roomId, last_read_seq: 0, followed: toFlag(followed) })
        .onConflict((oc) => oc.columns(['user_id', 'room_id']).doUpdateSet({ followed: toFlag(followed) }))
        .execute();
    },
    async readerIds(roomId) {
      const rows = await db
        .selectFrom('read_markers')
        .select('user_id')
        .where('room_id', '=', roomId)
        .where((eb) => eb.or([eb('followed', '=', 1), eb('last_read_seq', '>', 0)]))
        .execute();
      return rows.map((r) => r.user_id);
    },
    async lastSeq(roomId) {
      const row = await db.selectFrom('rooms').select('last_seq').where('id', '=', roomId).executeTakeFirst();
      return row === undefined ? 0 : Number(row.last_seq);
    },
    async lastSeqs() {
      const rows = await db.selectFrom('rooms').select(['id', 'last_seq']).execute();
      return new Map(rows.map((r) => [r.id, Number(r.last_seq)]));
    },
  };
}
