import type { Kysely, Selectable } from 'kysely';
import type { RoomRecord, RoomRepository } from '../repositories';
import type { DatabaseSchema, RoomListName, RoomsTable } from '../schema';
import { fromFlag, toFlag } from './json-list';

type MemberRow = { room_id: string; list: RoomListName; member: string };

function toRecord(row: Selectable<RoomsTable>, members: MemberRow[]): RoomRecord {
  const pick = (list: RoomListName) => members.filter((m) => m.room_id === row.id && m.list === list).map((m) => m.member);
  return {
    id: row.id,
    name: row.name,
    categoryId: row.category_id,
    description: row.description,
    type: row.type,
    privacy: row.privacy,
    disabled: fromFlag(row.disabled),
    addinId: row.addin_id,
    invitations: fromFlag(row.invitations),
    createdBy: row.created_by,
    members: pick('members'),
    managers: pick('managers'),
    presenters: pick('presenters'),
  };
}

function memberRows(room: RoomRecord): MemberRow[] {
  const rows = (list: RoomListName, names: string[]) => [...new Set(names)].map((member) => ({ room_id: room.id, list, member }));
  return [...rows('members', room.members), ...rows('managers', room.managers), ...rows('presenters', room.presenters)];
}

function columns(room: RoomRecord) {
  return {
    name: room.name,
    category_id: room.categoryId,
    description: room.description,
    type: room.type,
    privacy: room.privacy,
    disabled: toFlag(room.disabled),
    addin_id: room.addinId,
    invitations: toFlag(room.invitations),
  };
}

export function createRoomRepository(db: Kysely<DatabaseSchema>): RoomRepository {
  async function load(where?: { column: 'id' | 'name'; value: string }): Promise<RoomRecord[]> {
    let query = db.selectFrom('rooms').selectAll().orderBy('name');
    if (where) query = query.where(where.column, '=', where.value);
    const rows = await query.execute();
    if (rows.length === 0) return [];
    // All member rows at once for a full listing; one room's rows otherwise.
    let memberQuery = db.selectFrom('room_members').selectAll().orderBy('member');
    if (where) memberQuery = memberQuery.where('room_id', 'in', rows.map((r) => r.id));
    const members = await memberQuery.execute();
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
    async create(room, createdAt) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('rooms')
          .values({ id: room.id, ...columns(room), created_by: room.createdBy, created_at: createdAt, last_seq: 0 })
          .execute();
        const rows = memberRows(room);
        if (rows.length > 0) await trx.insertInto('room_members').values(rows).execute();
      });
    },
    async update(room) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('rooms').set(columns(room)).where('id', '=', room.id).execute();
        await trx.deleteFrom('room_members').where('room_id', '=', room.id).execute();
        const rows = memberRows(room);
        if (rows.length > 0) await trx.insertInto('room_members').values(rows).execute();
      });
    },
    async delete(id) {
      const result = await db.deleteFrom('rooms').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
