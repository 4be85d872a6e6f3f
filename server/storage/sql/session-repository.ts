import type { Kysely } from 'kysely';
import type { SessionRepository } from '../repositories';
import type { DatabaseSchema } from '../schema';

export function createSessionRepository(db: Kysely<DatabaseSchema>): SessionRepository {
  return {
    async create(tokenHash, userId, createdAt) {
      await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: createdAt }).execute();
    },
    async findUserId(tokenHash) {
      const row = await db.selectFrom('sessions').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
      return row?.user_id;
    },
    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async createHandoff(codeHash, userId, expiresAt, now) {
      await db.deleteFrom('handoff_codes').where('expires_at', '<', now).execute();
      await db.insertInto('handoff_codes').values({ code_hash: codeHash, user_id: userId, expires_at: expiresAt, used_at: null }).execute();
    },
    async consumeHandoff(codeHash, now) {
      // One conditional UPDATE decides, so two redeems racing for one code cannot both win.
      const result = await db
        .updateTable('handoff_codes')
        .set({ used_at: now })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return undefined;
      const row = await db.selectFrom('handoff_codes').select('user_id').where('code_hash', '=', codeHash).executeTakeFirst();
      return row?.user_id;
    },
  };
}
