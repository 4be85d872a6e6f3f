import type { Kysely, Selectable } from 'kysely';
import type { CategoryRecord, CategoryRepository } from '../repositories';
import type { CategoriesTable, CategoryListName, DatabaseSchema } from '../schema';
import { fromFlag, toFlag } from './json-list';

type MemberRow = { category_id: string; list: CategoryListName; member: string };

function toRecord(row: Selectable<CategoriesTable>, members: MemberRow[]): CategoryRecord {
  const pick = (list: CategoryListName) => members.filter((m) => m.category_id === row.id && m.list === list).map((m) => m.member);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    invitations: fromFlag(row.invitations),
    fileUpload: fromFlag(row.file_upload),
    chatHistory: fromFlag(row.chat_history),
    messageEdits: fromFlag(row.message_edits),
    allowedMembers: pick('allowed'),
    deniedMembers: pick('denied'),
    creators: pick('creators'),
  };
}

function memberRows(category: CategoryRecord): MemberRow[] {
  const rows = (list: CategoryListName, names: string[]) =>
    [...new Set(names)].map((member) => ({ category_id: category.id, list, member }));
  return [...rows('allowed', category.allowedMembers), ...rows('denied', category.deniedMembers), ...rows('creators', category.creators)];
}

export function createCategoryRepository(db: Kysely<DatabaseSchema>): CategoryRepository {
  async function load(where?: { column: 'id' | 'name'; value: string }): Promise<CategoryRecord[]> {
    let query = db.selectFrom('categories').selectAll().orderBy('name');
    if (where) query = query.where(where.column, '=', where.value);
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const members = await db
      .selectFrom('category_members')
      .selectAll()
      .where('category_id', 'in', rows.map((r) => r.id))
      .orderBy('member')
      .execute();
    return rows.map((row) => toRecord(row, members));
  }

  return {
    list: () => load(),
    async get(id) {
      return (await load({ column: 'id', value: id }))[0];
    },
    async findByName(name) {
      return (await load({ column: 'name', value: name }))[0];
    },
    async create(category, createdAt) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('categories')
          .values({
            id: category.id,
            name: category.name,
            description: category.description,
            invitations: toFlag(category.invitations),
            file_upload: toFlag(category.fileUpload),
            chat_history: toFlag(category.chatHistory),
            message_edits: toFlag(category.messageEdits),
            created_at: createdAt,
          })
          .execute();
        const rows = memberRows(category);
        if (rows.length > 0) await trx.insertInto('category_members').values(rows).execute();
      });
    },
    async update(category) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('categories')
          .set({
            name: category.name,
            description: category.description,
            invitations: toFlag(category.invitations),
            file_upload: toFlag(category.fileUpload),
            chat_history: toFlag(category.chatHistory),
            message_edits: toFlag(category.messageEdits),
          })
          .where('id', '=', category.id)
          .execute();
        await trx.deleteFrom('category_members').where('category_id', '=', category.id).execute();
        const rows = memberRows(category);
        if (rows.length > 0) await trx.insertInto('category_members').values(rows).execute();
      });
    },
  };
}
