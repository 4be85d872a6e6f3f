// Mentions, invitations and notification levels (migration 0008). Each call is one statement:
// a stored message adds its mentions in one multi-row insert, and rooms:list reads each of the
// three in one query for the caller. An edit or a removal deletes one message's mention rows
// through 0009's index; the prune pages through the rest (mention-prune.ts).
import type { Kysely } from 'kysely';
import type { NotifyLevel } from '../../../common/attention-protocol';
import type { AttentionRepository } from '../attention-storage';
import type { DatabaseSchema } from '../schema';
import { inChunks } from './chunks';
import { pruneMentionPage } from './mention-prune';

export function createAttentionRepository(db: Kysely<DatabaseSchema>): AttentionRepository {
  return {
    async addMentions(roomId, seq, userIds) {
      if (userIds.length === 0) return;
      await db
        .insertInto('mentions')
        .values(userIds.map((userId) => ({ user_id: userId, room_id: roomId, seq })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async mentionedIn(roomId, seq) {
      const rows = await db.selectFrom('mentions').select('user_id').where('room_id', '=', roomId).where('seq', '=', seq).execute();
      return rows.map((row) => row.user_id);
    },
    async keepMentions(roomId, seq, keepUserIds) {
      let query = db.deleteFrom('mentions').where('room_id', '=', roomId).where('seq', '=', seq);
      if (keepUserIds.length > 0) query = query.where('user_id', 'not in', keepUserIds);
      await query.execute();
    },
    async removeMentions(roomId, seqs) {
      for (const part of inChunks(seqs)) {
        await db.deleteFrom('mentions').where('room_id', '=', roomId).where('seq', 'in', part).execute();
      }
    },
    pruneMentions: (after, limit) => pruneMentionPage(db, after, limit),
    async mentionRows(userId) {
      const rows = await db.selectFrom('mentions').select(['room_id', 'seq']).where('user_id', '=', userId).orderBy('room_id').orderBy('seq').execute();
      return rows.map((row) => ({ roomId: row.room_id, seq: Number(row.seq) }));
    },
    async mentionCounts(userId, readInMemory) {
      let query = db
        .selectFrom('mentions as m')
        // Only messages that still exist: a removed message mentions nobody any more.
        .innerJoin('messages as msg', (join) => join.onRef('msg.room_id', '=', 'm.room_id').onRef('msg.seq', '=', 'm.seq'))
        .leftJoin('read_markers as r', (join) => join.onRef('r.user_id', '=', 'm.user_id').onRef('r.room_id', '=', 'm.room_id'))
        .select((eb) => ['m.room_id', eb.fn.countAll<number | string>().as('n')])
        .where('m.user_id', '=', userId)
        .where((eb) => eb('m.seq', '>', eb.fn.coalesce('r.last_read_seq', eb.lit(0))));
      // Markers are written in batches (marker-batch.ts): for the few rooms where memory knows
      // more than the store, its seq is the one that counts (it is never behind the stored one).
      for (const [roomId, seq] of readInMemory) {
        query = query.where((eb) => eb.or([eb('m.room_id', '<>', roomId), eb('m.seq', '>', seq)]));
      }
      const rows = await query.groupBy('m.room_id').execute();
      return new Map(rows.map((row) => [row.room_id, Number(row.n)]));
    },
    async invite(roomId, invitations, at) {
      if (invitations.length === 0) return;
      await db
        .insertInto('invitations')
        .values(invitations.map(({ userId, by }) => ({ user_id: userId, room_id: roomId, invited_by: by, invited_at: at })))
        .onConflict((oc) => oc.columns(['user_id', 'room_id']).doUpdateSet((eb) => ({ invited_by: eb.ref('excluded.invited_by'), invited_at: eb.ref('excluded.invited_at') })))
        .execute();
    },
    async invitedRooms(userId) {
      const rows = await db.selectFrom('invitations').select('room_id').where('user_id', '=', userId).execute();
      return rows.map((row) => row.room_id);
    },
    async clearInvitation(userId, roomId) {
      const result = await db.deleteFrom('invitations').where('user_id', '=', userId).where('room_id', '=', roomId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async setNotifyLevel(userId, roomId, level) {
      await db
        .insertInto('room_notify')
        .values({ user_id: userId, room_id: roomId, level })
        .onConflict((oc) => oc.columns(['user_id', 'room_id']).doUpdateSet({ level }))
        .execute();
    },
    async notifyLevels(userId) {
      const rows = await db.selectFrom('room_notify').select(['room_id', 'level']).where('user_id', '=', userId).execute();
      return new Map(rows.map((row): [string, NotifyLevel] => [row.room_id, row.level]));
    },
  };
}
