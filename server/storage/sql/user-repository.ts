import { type Kysely, type Selectable, sql } from 'kysely';
import type { Role } from '../../domain';
import type { UserRecord, UserRepository } from '../repositories';
import type { DatabaseSchema, UsersTable } from '../schema';
import { parseStringArray } from './json-list';

function toRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    roles: parseStringArray(row.roles).filter((r): r is Role => r === 'admin' || r === 'user'),
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
  };
}

export function createUserRepository(db: Kysely<DatabaseSchema>): UserRepository {
  return {
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
    async findByName(name) {
      // lower() on both sides, so the database's own folding decides (and the index on lower(name)
      // serves it); an exact spelling sorts first when old data holds names differing in case.
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where(sql<string>`lower(name)`, '=', sql<string>`lower(cast(${name} as text))`)
        .orderBy(sql`case when name = ${name} then 0 else 1 end`)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
      return rows.map(toRecord);
    },
    async create(user) {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          name: user.name,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          roles: JSON.stringify(user.roles),
          created_at: new Date().toISOString(),
          disabled: user.disabled ? 1 : 0,
        })
        .execute();
    },
    async update(user) {
      await db
        .updateTable('users')
        .set({
          display_name: user.displayName,
          password_hash: user.passwordHash,
          roles: JSON.stringify(user.roles),
          disabled: user.disabled ? 1 : 0,
        })
        .where('id', '=', user.id)
        .execute();
    },
    async count() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
