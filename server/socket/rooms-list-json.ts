// Writes rooms:list's ack as JSON (issue 8): at 1,000 rooms the answer is 340 KB, most of it the
// rooms' own fields (id, name, description, …) that are the same for every caller and every
// call. Those are written once per room and kept; what depends on the caller (joined, unread,
// mentions, …) is written on each call. The text is byte for byte what JSON.stringify writes for
// `{ ok: true, ...result }` (rooms-list-json.test.ts holds it to that), in about a fifth of the time
// socket.io's encoder takes, and without a second copy of the answer's strings.
import type { ClientEventResults, RoomSummary } from '../../common/protocol';
import { EncodedAck } from './encoded-ack';

/** The room's own fields, first in every summary (room-views.ts toSummary), the same for every caller. */
const ROOM_FIELDS = ['id', 'name', 'description', 'categoryId', 'type', 'privacy', 'disabled'] as const;
/** The caller's part, in toSummary's order (JSON leaves out those undefined). */
const CALLER_FIELDS = ['joined', 'isMember', 'canManage', 'managers', 'followed', 'lastSeq', 'lastReadSeq', 'mentions', 'invited', 'notify'] as const;

// A field added to RoomSummary must be written here too: this fails to compile until it is.
type Unwritten = Exclude<keyof RoomSummary, (typeof ROOM_FIELDS)[number] | (typeof CALLER_FIELDS)[number]>;
const everyFieldWritten: [Unwritten] extends [never] ? true : never = true;
void everyFieldWritten;

type RoomFields = Pick<RoomSummary, (typeof ROOM_FIELDS)[number]>;

interface CachedRoom {
  fields: RoomFields;
  /** `{"id":…,…,"disabled":…` — the summary's opening, without its closing brace. */
  json: string;
}

/** Bounds the cache: past this many rooms it starts again (a bigger deployment just caches less). */
const MAX_CACHED_ROOMS = 10_000;
const cache = new Map<string, CachedRoom>();

/** JSON.stringify's text for one value, with the common cases written without calling it. */
function jsonOf(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(value);
}

function sameRoomFields(a: RoomFields, b: RoomSummary): boolean {
  return ROOM_FIELDS.every((key) => a[key] === b[key]);
}

function roomOpening(summary: RoomSummary): string {
  const cached = cache.get(summary.id);
  if (cached && sameRoomFields(cached.fields, summary)) return cached.json;
  const parts: string[] = [];
  for (const key of ROOM_FIELDS) if (summary[key] !== undefined) parts.push(`${JSON.stringify(key)}:${jsonOf(summary[key])}`);
  const json = `{${parts.join(',')}`;
  if (cache.size >= MAX_CACHED_ROOMS) cache.clear();
  const fields = {} as Record<(typeof ROOM_FIELDS)[number], unknown>;
  for (const key of ROOM_FIELDS) fields[key] = summary[key];
  cache.set(summary.id, { fields: fields as RoomFields, json });
  return json;
}

/** Keys as JSON, written once: `,"joined":`, … */
const CALLER_KEYS = CALLER_FIELDS.map((key) => `,${JSON.stringify(key)}:`);

function summaryJson(summary: RoomSummary): string {
  let json = roomOpening(summary);
  for (let i = 0; i < CALLER_FIELDS.length; i += 1) {
    const value = summary[CALLER_FIELDS[i]!];
    if (value !== undefined) json += CALLER_KEYS[i]! + jsonOf(value);
  }
  return `${json}}`;
}

/** rooms:list's whole ack, `{"ok":true,"rooms":[…],"categories":[…],"lastRoomId":…}`. */
export function roomsListAck(result: ClientEventResults['rooms:list']): EncodedAck {
  const { rooms, categories, lastRoomId, ...rest } = result;
  const others = Object.keys(rest);
  // Anything beyond the three fields this writer knows goes the slow, always-right way.
  if (others.length > 0) return new EncodedAck(JSON.stringify({ ok: true, ...result }));
  let json = '{"ok":true,"rooms":[';
  for (let i = 0; i < rooms.length; i += 1) json += (i === 0 ? '' : ',') + summaryJson(rooms[i]!);
  json += `],"categories":${JSON.stringify(categories)}`;
  if (lastRoomId !== undefined) json += `,"lastRoomId":${JSON.stringify(lastRoomId)}`;
  return new EncodedAck(`${json}}`);
}
