// Sessions (bearer tokens, stored as SHA-256 hashes) and hand-off codes, for both dialects.
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { SessionRecord, SessionRepository } from '../repositories';
import type { DatabaseSchema, SessionsTable } from '../schema';
import { inChunks } from './chunks';

function toRecord(row: Selectable<SessionsTable>): SessionRecord {
  return { id: row.id, tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}

export function createSessionRepository(db: Kysely<DatabaseSchema>): SessionRepository {
  return {
    async create(session) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          id: session.id,
          user_id: session.userId,
          created_at: session.createdAt,
          last_used_at: session.lastUsedAt,
        })
        .execute();
    },
    async find(tokenHash) {
      const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && toRecord(row);
    },
    async listForUser(userId) {
      const rows = await db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
      return rows.map(toRecord);
    },
    async touch(tokenHash, lastUsedAt) {
      // ISO-8601 UTC strings of one format compare like the times they name.
      await db
        .updateTable('sessions')
        .set({ last_used_at: lastUsedAt })
        .where('token_hash', '=', tokenHash)
        .where('last_used_at', '<', lastUsedAt)
        .execute();
    },
    async touchMany(uses) {
      // UPDATE … FROM VALUES: both dialects name a VALUES list's columns column1, column2.
      // SQLite runs each statement synchronously, so a macrotask between them lets sockets in.
      for (const [index, part] of inChunks(uses).entries()) {
        if (index > 0) await nextMacrotask();
        const rows = sql.join(part.map((use) => sql`(${use.tokenHash}, ${use.lastUsedAt})`));
        await sql`update sessions set last_used_at = v.column2 from (values ${rows}) as v
          where sessions.token_hash = v.column1 and sessions.last_used_at < v.column2`.execute(db);
      }
    },
    async delete(tokenHash) {
      const result = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteById(userId, id) {
      const row = await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .returning('token_hash')
        .executeTakeFirst();
      return row?.token_hash;
    },
    async deleteForUser(userId, keepTokenHash) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepTokenHash !== undefined) query = query.where('token_hash', '!=', keepTokenHash);
      const rows = await query.returning('token_hash').execute();
      return rows.map((row) => row.token_hash);
    },
    async deleteStale(usedBefore, createdBefore) {
      const rows = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('last_used_at', '<', usedBefore), eb('created_at', '<', createdBefore)]))
        .returning('token_hash')
        .execute();
      return rows.map((row) => row.token_hash);
    },
    async createHandoff(codeHash, userId, sessionTokenHash, expiresAt, now) {
      await db.deleteFrom('handoff_codes').where('expires_at', '<', now).execute();
      await db
        .insertInto('handoff_codes')
        .values({ code_hash: codeHash, user_id: userId, session_token_hash: sessionTokenHash, expires_at: expiresAt, used_at: null })
        .execute();
    },
    async consumeHandoff(codeHash, now) {
      // One conditional UPDATE decides, so two redeems racing for one code cannot both win; the
      // session must still exist (the foreign key also deletes the codes of a deleted session).
      const result = await db
        .updateTable('handoff_codes')
        .set({ used_at: now })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .where((eb) =>
          eb.exists(eb.selectFrom('sessions').select('sessions.token_hash').whereRef('sessions.token_hash', '=', 'handoff_codes.session_token_hash')),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return undefined;
      const row = await db.selectFrom('handoff_codes').select(['user_id', 'session_token_hash']).where('code_hash', '=', codeHash).executeTakeFirst();
      return row?.session_token_hash ? { userId: row.user_id, sessionTokenHash: row.session_token_hash } : undefined;
    },
  };
}
