import type { Kysely } from 'kysely';
import type { AddinRepository } from '../repositories';
import type { DatabaseSchema } from '../schema';

export function createAddinRepository(db: Kysely<DatabaseSchema>): AddinRepository {
  const columns = ['id', 'name', 'url'] as const;
  return {
    list: () => db.selectFrom('addins').select(columns).orderBy('name').execute(),
    get: (id) => db.selectFrom('addins').select(columns).where('id', '=', id).executeTakeFirst(),
    findByName: (name) => db.selectFrom('addins').select(columns).where('name', '=', name).executeTakeFirst(),
    async create(addin, createdAt) {
      await db.insertInto('addins').values({ ...addin, created_at: createdAt }).execute();
    },
    async update(addin) {
      await db.updateTable('addins').set({ name: addin.name, url: addin.url }).where('id', '=', addin.id).execute();
    },
    async delete(id) {
      const result = await db.deleteFrom('addins').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
