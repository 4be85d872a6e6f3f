import type { Kysely } from 'kysely';
import type { ConfigEntry } from '../../domain';
import type { ConfigRepository } from '../repositories';
import type { DatabaseSchema } from '../schema';

function parseEntry(json: string): ConfigEntry {
  const value: unknown = JSON.parse(json);
  return value !== null && typeof value === 'object' ? (value) : {};
}

export function createConfigRepository(db: Kysely<DatabaseSchema>): ConfigRepository {
  return {
    async list() {
      const rows = await db.selectFrom('config_entries').selectAll().orderBy('scope').execute();
      return rows.map((row) => ({ scope: row.scope, fields: parseEntry(row.fields) }));
    },
    async get(scope) {
      const row = await db.selectFrom('config_entries').select('fields').where('scope', '=', scope).executeTakeFirst();
      return row && parseEntry(row.fields);
    },
    async put(scope, fields, updatedAt) {
      const json = JSON.stringify(fields);
      await db
        .insertInto('config_entries')
        .values({ scope, fields: json, updated_at: updatedAt })
        .onConflict((oc) => oc.column('scope').doUpdateSet({ fields: json, updated_at: updatedAt }))
        .execute();
    },
    async delete(scope) {
      const result = await db.deleteFrom('config_entries').where('scope', '=', scope).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
