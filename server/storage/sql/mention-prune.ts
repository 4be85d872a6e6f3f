// One page of the mention prune (migration 0008's mentions, 0009's index). rooms:list counts only
// rows past the user's read marker whose message still exists, so every other row is dead
// weight. A page is a stretch of the primary key (user_id, room_id, seq) after a cursor: one read
// of up to `limit` keys finds where it ends, one delete judges the rows in it. A pass thus costs
// one range per page however many unread rows it keeps, each statement is bounded by the page
// (SQLite runs it on the event loop), and both have a fixed text, so the prepared-statement
// cache (statement-cache.ts) is not flooded with one text per page size.
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { MentionKey, MentionPrunePage } from '../attention-storage';
import type { DatabaseSchema } from '../schema';

export async function pruneMentionPage(db: Kysely<DatabaseSchema>, after: MentionKey | null, limit: number): Promise<MentionPrunePage> {
  let keys = db.selectFrom('mentions').select(['user_id', 'room_id', 'seq']);
  if (after !== null) keys = keys.where((eb) => eb(eb.refTuple('user_id', 'room_id', 'seq'), '>', eb.tuple(after.userId, after.roomId, after.seq)));
  const rows = await keys.orderBy('user_id').orderBy('room_id').orderBy('seq').limit(limit).execute();
  const last = rows.at(-1);
  if (last === undefined) return { scanned: 0, deleted: 0, next: null };
  // A full page ends at its last key; a short one is the tail of the table.
  const end: MentionKey | null = rows.length < limit ? null : { userId: last.user_id, roomId: last.room_id, seq: Number(last.seq) };
  const result = await db
    .deleteFrom('mentions')
    .where((eb) => {
      const key = eb.refTuple('mentions.user_id', 'mentions.room_id', 'mentions.seq');
      const bounds: Expression<SqlBool>[] = [];
      if (after !== null) bounds.push(eb(key, '>', eb.tuple(after.userId, after.roomId, after.seq)));
      if (end !== null) bounds.push(eb(key, '<=', eb.tuple(end.userId, end.roomId, end.seq)));
      const marker = eb
        .selectFrom('read_markers as r')
        .select('r.last_read_seq')
        .whereRef('r.user_id', '=', 'mentions.user_id')
        .whereRef('r.room_id', '=', 'mentions.room_id');
      const message = eb.selectFrom('messages as msg').select('msg.id').whereRef('msg.room_id', '=', 'mentions.room_id').whereRef('msg.seq', '=', 'mentions.seq');
      // Read (at or below the stored marker; no marker is nothing read), or its message is gone.
      // Rows of a deleted room or user went with it (ON DELETE CASCADE); a removed message's
      // rows normally go with it too, and this catches any left behind (a removal cut short).
      return eb.and([...bounds, eb.or([eb('mentions.seq', '<=', marker), eb.not(eb.exists(message))])]);
    })
    .executeTakeFirst();
  return { scanned: rows.length, deleted: Number(result.numDeletedRows), next: end };
}
