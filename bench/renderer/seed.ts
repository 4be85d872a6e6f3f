// The scene for the renderer benchmark: a real pchat server (its own process, loopback, fresh
// data directory) with a reader, a sender, a room of 10,000 messages and a room of 30. Users and
// rooms go through the admin HTTP API; the messages are written straight into the SQLite file
// while the server is stopped (10,000 sends through the socket would take minutes under the
// per-connection rate limit), then the server starts again on the same data and reads them.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PchatApi, type SeededUser } from '../../test/e2e/fixtures/pchat-api';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process';

export interface Scene {
  url: string;
  reader: SeededUser;
  sender: SeededUser;
  big: { id: string; name: string; count: number };
  small: { id: string; name: string; count: number };
  api: PchatApi;
  stop(): Promise<void>;
}

/** The columns the benchmark fills; any other NOT NULL column without a default stops it clearly. */
const FILLED = new Set(['num', 'id', 'room_id', 'seq', 'sender_id', 'sender_name', 'client_id', 'text', 'file_id', 'created_at']);

const WORDS = 'market open close bid ask spread volume desk trade ticker note call update risk limit order fill report'.split(' ');

/** Varied, realistic-length text: some short, some long enough to wrap over several lines. */
export function benchText(prefix: string, index: number): string {
  const length = 4 + ((index * 7919) % 40);
  const words = Array.from({ length }, (_, i) => WORDS[(index + i * 31) % WORDS.length]);
  return `${prefix} ${index}: ${words.join(' ')}`;
}

function seedMessages(dataDir: string, rooms: { id: string; count: number; prefix: string }[], sender: SeededUser): void {
  const db = new Database(join(dataDir, 'pchat.db'));
  try {
    const columns = db.prepare('select name, "notnull" as not_null, dflt_value as dflt from pragma_table_info(\'messages\')').all() as {
      name: string;
      not_null: number;
      dflt: string | null;
    }[];
    const missing = columns.filter((c) => c.not_null === 1 && c.dflt === null && !FILLED.has(c.name)).map((c) => c.name);
    if (missing.length > 0) throw new Error(`bench/renderer/seed.ts: messages gained required columns ${missing.join(', ')}; fill them here`);
    const insert = db.prepare(
      'insert into messages (id, room_id, seq, sender_id, sender_name, client_id, text, file_id, created_at) values (?, ?, ?, ?, ?, ?, ?, null, ?)',
    );
    const bump = db.prepare('update rooms set last_seq = ? where id = ?');
    const now = Date.now();
    db.transaction(() => {
      for (const room of rooms) {
        for (let seq = 1; seq <= room.count; seq += 1) {
          // One message a minute, the newest a minute ago.
          const createdAt = new Date(now - (room.count - seq + 1) * 60_000).toISOString();
          insert.run(randomUUID(), room.id, seq, sender.user.id, sender.user.displayName, randomBytes(8).toString('hex'), benchText(room.prefix, seq), createdAt);
        }
        bump.run(room.count, room.id);
      }
    })();
  } finally {
    db.close();
  }
}

async function start(dataDir: string, adminPassword: string): Promise<ServerProcess> {
  return startServerProcess({
    args: ['--host', '127.0.0.1', '--port', '0', '--data', dataDir],
    env: { PCHAT_ADMIN_PASSWORD: adminPassword },
  });
}

export async function seedScene(bigCount: number, smallCount: number, track: (server: ServerProcess) => void): Promise<Scene> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pchat-bench-renderer-'));
  const adminPassword = randomBytes(18).toString('base64url');
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const first = await start(dataDir, adminPassword);
    track(first);
    const setup = await PchatApi.connect(first.url, adminPassword);
    const category = await setup.createCategory({ name: 'Bench' });
    const bigRoom = await setup.createRoom({ categoryId: category.id, name: 'Bench long room' });
    const smallRoom = await setup.createRoom({ categoryId: category.id, name: 'Bench short room' });
    const reader = await setup.createUser({ name: 'reader', displayName: 'Rita Reader' });
    const sender = await setup.createUser({ name: 'sender', displayName: 'Sam Sender' });
    setup.dispose();
    await first.kill('SIGTERM');

    seedMessages(
      dataDir,
      [
        { id: bigRoom.id, count: bigCount, prefix: 'long room' },
        { id: smallRoom.id, count: smallCount, prefix: 'short room' },
      ],
      sender,
    );

    const server = await start(dataDir, adminPassword);
    track(server);
    const api = await PchatApi.connect(server.url, adminPassword);
    // The sessions made before the restart are still valid (they are stored), but sign in again
    // so nothing depends on that.
    const again = async (user: SeededUser): Promise<SeededUser> => {
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: user.name, password: user.password }),
      });
      if (!response.ok) throw new Error(`sign-in as ${user.name} after the restart: HTTP ${response.status}`);
      const body = (await response.json()) as { token: string };
      return { ...user, token: body.token };
    };
    return {
      url: server.url,
      reader: await again(reader),
      sender: await again(sender),
      big: { id: bigRoom.id, name: bigRoom.name, count: bigCount },
      small: { id: smallRoom.id, name: smallRoom.name, count: smallCount },
      api,
      stop: async () => {
        api.dispose();
        await server.kill('SIGTERM').catch(() => undefined);
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}
