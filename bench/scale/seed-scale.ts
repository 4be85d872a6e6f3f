// Seeds the data set of bench/scale-1m.ts: R rooms in 10 categories holding M messages.
// 1. The real server starts once on the empty store (its migrations create the schema and
//    PCHAT_ADMIN_PASSWORD the administrator); users, categories and rooms are made through the
//    admin API (PROTOCOL §7), as an operator would. The server stops.
// 2. Messages go straight into the database, as the server would have stored them: per-room seq
//    from 1 with rooms.last_seq set to match, times over the past year in seq order, the search
//    index kept by the schema itself (FTS5 triggers on SQLite, the generated tsvector on
//    PostgreSQL). Rooms get a skewed share (a few busy rooms of tens of thousands, most of a
//    few hundred). Each user follows 30 rooms with a read marker a little behind, so
//    `rooms:list` has unread counts to work out.
import { randomUUID } from 'node:crypto';
import { startServerProcess } from '../../test/support/server-process';
import { AdminApi, type Credentials, inBatches, postJson } from '../support/admin-api';
import { onExit } from '../support/run-guard';
import type { Row } from './bulk-writer';
import { messageText, prng } from './message-text';
import type { StoreTarget } from './seed-cache';

export const ADMIN_PASSWORD = 'bench-scale-admin';
const CATEGORIES = 10;
const CLOSED_SHARE = 0.3;
const FOLLOWED_PER_USER = 30;
const CHUNK = 50_000;
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface ScaleSizes {
  rooms: number;
  messages: number;
  users: number;
}

export interface ScaleMeta {
  sizes: ScaleSizes;
  users: Credentials[];
  rooms: { id: string; name: string; lastSeq: number }[];
}

const log = (text: string) => process.stderr.write(`scale seed: ${text}\n`);

async function createDirectory(target: StoreTarget, sizes: ScaleSizes): Promise<Credentials[]> {
  const server = await startServerProcess({ args: ['--port', '0', ...target.serverArgs()], env: { PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  const forget = onExit(() => void server.kill('SIGKILL'));
  try {
    const admin = await AdminApi.signIn(server.url, ADMIN_PASSWORD);
    const users = await admin.createUsers('scale', sizes.users);
    const categories: string[] = [];
    for (let i = 0; i < CATEGORIES; i += 1) categories.push(await admin.createCategory(`Scale category ${i}`));
    const { token } = await postJson<{ token: string }>(server.url, '/api/session', { user: 'admin', password: ADMIN_PASSWORD });
    const names = users.map((user) => user.name);
    await inBatches(
      Array.from({ length: sizes.rooms }, (_, i) => i),
      8,
      (i) =>
        postJson(
          server.url,
          '/api/rooms',
          {
            name: `Room ${String(i).padStart(4, '0')}`,
            categoryId: categories[i % CATEGORIES],
            description: `Scale room ${i}`,
            // Everyone sees every room: open ones by anyone, closed ones through membership.
            ...(i % 10 < CLOSED_SHARE * 10 ? { privacy: 'closed', members: names } : { privacy: 'open' }),
          },
          token,
        ),
    );
    log(`${sizes.users} users, ${CATEGORIES} categories, ${sizes.rooms} rooms through the admin API`);
    return users;
  } finally {
    await server.kill('SIGTERM');
    forget();
  }
}

/** Cumulative room weights ∝ 1/(i+10): the busiest room gets ~2 % of all messages at 1,000 rooms. */
function roomPicker(rooms: number, random: () => number): () => number {
  const cumulative = new Float64Array(rooms);
  let sum = 0;
  for (let i = 0; i < rooms; i += 1) cumulative[i] = sum += 1 / (i + 10);
  return () => {
    const x = random() * sum;
    let low = 0;
    let high = rooms - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < x) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

export async function seedScale(target: StoreTarget, sizes: ScaleSizes): Promise<ScaleMeta> {
  const users = await createDirectory(target, sizes);
  const writer = await target.openWriter();
  try {
    const rooms = await writer.query<{ id: string; name: string }>(`select id, name from rooms order by name`);
    const senders = await writer.query<{ id: string; name: string; display_name: string }>(`select id, name, display_name from users where name like 'scale-%'`);
    const random = prng(sizes.rooms * 7919 + sizes.messages);
    const pickRoom = roomPicker(rooms.length, random);
    const lastSeq = new Array<number>(rooms.length).fill(0);
    const mentionable = senders.map((s) => s.display_name);
    const start = Date.now() - YEAR_MS;
    const started = performance.now();
    await writer.withSearchIndexAfter(async () => {
      for (let done = 0; done < sizes.messages; done += CHUNK) {
        const rows: Row[] = [];
        for (let i = done; i < Math.min(sizes.messages, done + CHUNK); i += 1) {
          const room = pickRoom();
          const sender = senders[Math.floor(random() * senders.length)]!;
          rows.push({
            id: randomUUID(),
            room_id: rooms[room]!.id,
            seq: (lastSeq[room] = lastSeq[room]! + 1),
            sender_id: sender.id,
            sender_name: sender.display_name,
            client_id: `seed-${i}`,
            text: messageText(random, mentionable),
            file_id: null,
            created_at: new Date(start + Math.floor((i / sizes.messages) * (YEAR_MS - 3600_000))).toISOString(),
          });
        }
        await writer.insert('messages', rows);
        const rate = (done + rows.length) / ((performance.now() - started) / 1000);
        log(`${done + rows.length} / ${sizes.messages} messages (${rate.toFixed(0)}/s)`);
      }
    });
    log(`search index built (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
    for (const [i, room] of rooms.entries()) await writer.run('update rooms set last_seq = ? where id = ?', [lastSeq[i], room.id]);
    const markers: Row[] = [];
    for (const sender of senders) {
      for (let k = 0; k < Math.min(FOLLOWED_PER_USER, rooms.length); k += 1) {
        const i = Math.floor(random() * rooms.length);
        if (markers.some((m) => m.user_id === sender.id && m.room_id === rooms[i]!.id)) continue;
        markers.push({ user_id: sender.id, room_id: rooms[i]!.id, last_read_seq: Math.max(0, lastSeq[i]! - Math.floor(random() * 50)), followed: 1 });
      }
    }
    await writer.insert('read_markers', markers);
    if (writer.kind === 'postgres') await writer.run('analyze');
    return { sizes, users, rooms: rooms.map((room, i) => ({ ...room, lastSeq: lastSeq[i]! })) };
  } finally {
    await writer.close();
  }
}
