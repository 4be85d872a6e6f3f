// Keyword alerts (migration 0008). Read in full once at start; written one alert at a time.
import type { Kysely, Selectable } from 'kysely';
import type { AlertRecord, AlertRepository, AlertsTable } from '../attention-storage';
import type { DatabaseSchema } from '../schema';
import { parseStringArray } from './json-list';

function toRecord(row: Selectable<AlertsTable>): AlertRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    keywords: parseStringArray(row.keywords),
    roomIds: row.room_ids === null ? null : parseStringArray(row.room_ids),
  };
}

export function createAlertRepository(db: Kysely<DatabaseSchema>): AlertRepository {
  return {
    async listAll() {
      const rows = await db.selectFrom('alerts').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecord);
    },
    async listForUser(userId) {
      const rows = await db.selectFrom('alerts').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecord);
    },
    async put(alert, at) {
      const fields = {
        name: alert.name,
        keywords: JSON.stringify(alert.keywords),
        room_ids: alert.roomIds === null ? null : JSON.stringify(alert.roomIds),
      };
      await db
        .insertInto('alerts')
        .values({ id: alert.id, user_id: alert.userId, created_at: at, ...fields })
        // The id is the user's own (the service checked): only what the user edits changes.
        .onConflict((oc) => oc.column('id').doUpdateSet(fields))
        .execute();
    },
    async delete(userId, id) {
      const result = await db.deleteFrom('alerts').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
