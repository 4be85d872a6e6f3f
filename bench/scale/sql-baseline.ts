// The floor under bench/scale-1m.ts: each read or write pchat does for a request, as the plainest
// SQL query straight on the same database file (better-sqlite3, the server's pragmas) or the
// same PostgreSQL database (one pg connection). A reader sees pchat's figure beside what the
// database alone needs for the same answer; the difference is pchat's own overhead.
// Run while the server is stopped, so neither steals the other's CPU.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreTarget } from './seed-cache';

export interface SqlBaseline {
  /** room:join's read: the last `limit` messages of a room. */
  latest(roomId: string, limit: number): Promise<unknown>;
  /** room:history's read: `limit` messages before `beforeSeq`. */
  before(roomId: string, beforeSeq: number, limit: number): Promise<unknown>;
  /** What rooms:list needs: every room, every member list, the caller's markers. */
  roomsAndMembers(userId: string): Promise<unknown>;
  /** room:read's write: the monotonic marker upsert, durable. */
  markRead(userId: string, roomId: string, seq: number): Promise<unknown>;
  /** message:send's write: next seq and the row, in one durable transaction. */
  insert(roomId: string, senderId: string, text: string): Promise<unknown>;
  /** The newest 50 messages containing `word` in any of `roomIds`, straight from the index. */
  search(word: string, roomIds: readonly string[]): Promise<unknown>;
  close(): Promise<void>;
}

const FROM = 'messages m left join files f on f.id = m.file_id';

/** Every stored column of a message (whatever migrations added since) and its file, as the server reads a row. */
const selectList = (names: readonly string[]) =>
  [...names.filter((name) => name !== 'search').map((name) => `m.${name}`), 'f.name as f_name', 'f.size as f_size', 'f.mime as f_mime'].join(', ');

function sqliteBaseline(dataDir: string): SqlBaseline {
  const db = new Database(join(dataDir, 'pchat.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const COLUMNS = selectList((db.prepare(`select name from pragma_table_info('messages')`).all() as { name: string }[]).map((c) => c.name));
  const latest = db.prepare(`select ${COLUMNS} from ${FROM} where m.room_id = ? order by m.seq desc limit ?`);
  const before = db.prepare(`select ${COLUMNS} from ${FROM} where m.room_id = ? and m.seq < ? order by m.seq desc limit ?`);
  const rooms = db.prepare('select * from rooms');
  const members = db.prepare('select * from room_members');
  const markers = db.prepare('select * from read_markers where user_id = ?');
  const mark = db.prepare(`insert into read_markers (user_id, room_id, last_read_seq, followed) values (?, ?, ?, 0)
    on conflict (user_id, room_id) do update set last_read_seq = max(read_markers.last_read_seq, excluded.last_read_seq)`);
  const bump = db.prepare('update rooms set last_seq = last_seq + 1 where id = ? returning last_seq');
  const add = db.prepare(`insert into messages (id, room_id, seq, sender_id, sender_name, client_id, text, file_id, created_at)
    values (?, ?, ?, ?, 'baseline', ?, ?, null, ?)`);
  const send = db.transaction((roomId: string, senderId: string, text: string) => {
    const { last_seq: seq } = bump.get(roomId) as { last_seq: number };
    add.run(randomUUID(), roomId, seq, senderId, randomUUID(), text, new Date().toISOString());
  });
  const searches = new Map<number, Database.Statement>();
  const searchFor = (rooms: number) => {
    let statement = searches.get(rooms);
    if (!statement) {
      // FTS5 walks its matches newest rowid first, so LIMIT stops it after 50 readable hits.
      statement = db.prepare(`select ${COLUMNS} from messages_fts join messages m on m.num = messages_fts.rowid left join files f on f.id = m.file_id
        where messages_fts match ? and m.room_id in (${Array.from({ length: rooms }, () => '?').join(', ')})
        order by messages_fts.rowid desc limit 50`);
      searches.set(rooms, statement);
    }
    return statement;
  };
  return {
    latest: (roomId, limit) => Promise.resolve(latest.all(roomId, limit)),
    before: (roomId, beforeSeq, limit) => Promise.resolve(before.all(roomId, beforeSeq, limit)),
    roomsAndMembers: (userId) => Promise.resolve([rooms.all(), members.all(), markers.all(userId)]),
    markRead: (userId, roomId, seq) => Promise.resolve(mark.run(userId, roomId, seq)),
    insert: (roomId, senderId, text) => Promise.resolve(send(roomId, senderId, text)),
    search: (word, roomIds) => Promise.resolve(searchFor(roomIds.length).all(`"${word}"`, ...roomIds)),
    close: () => Promise.resolve(void db.close()),
  };
}

async function postgresBaseline(url: string): Promise<SqlBaseline> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (text: string, values: unknown[]) => client.query(text, values);
  const columns = await q(`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'messages'`, []);
  const COLUMNS = selectList(columns.rows.map((row) => (row as { column_name: string }).column_name));
  return {
    latest: (roomId, limit) => q(`select ${COLUMNS} from ${FROM} where m.room_id = $1 order by m.seq desc limit $2`, [roomId, limit]),
    before: (roomId, beforeSeq, limit) =>
      q(`select ${COLUMNS} from ${FROM} where m.room_id = $1 and m.seq < $2 order by m.seq desc limit $3`, [roomId, beforeSeq, limit]),
    roomsAndMembers: async (userId) => [
      await q('select * from rooms', []),
      await q('select * from room_members', []),
      await q('select * from read_markers where user_id = $1', [userId]),
    ],
    markRead: (userId, roomId, seq) =>
      q(
        `insert into read_markers (user_id, room_id, last_read_seq, followed) values ($1, $2, $3, 0)
         on conflict (user_id, room_id) do update set last_read_seq = greatest(read_markers.last_read_seq, excluded.last_read_seq)`,
        [userId, roomId, seq],
      ),
    insert: async (roomId, senderId, text) => {
      await q('begin', []);
      const { rows } = await q('update rooms set last_seq = last_seq + 1 where id = $1 returning last_seq', [roomId]);
      await q(
        `insert into messages (id, room_id, seq, sender_id, sender_name, client_id, text, file_id, created_at)
         values ($1, $2, $3, $4, 'baseline', $5, $6, null, $7)`,
        [randomUUID(), roomId, (rows[0] as { last_seq: number }).last_seq, senderId, randomUUID(), text, new Date().toISOString()],
      );
      await q('commit', []);
    },
    // The same generated column and GIN index pchat searches; newest first by the integer key.
    search: (word, roomIds) =>
      q(
        `select ${COLUMNS} from ${FROM} where m.search @@ plainto_tsquery('simple'::regconfig, pchat_search_text($1))
         and m.room_id = any($2) order by m.num desc limit 50`,
        [word, roomIds],
      ),
    close: () => client.end(),
  };
}

export function openSqlBaseline(target: StoreTarget): Promise<SqlBaseline> {
  return target.databaseUrl ? postgresBaseline(target.databaseUrl) : Promise.resolve(sqliteBaseline(target.dataDir));
}
