// Seeds bench/capacity.ts: N users who can connect at once, and the model's rooms
// (bench/scale/capacity-model.ts) as closed rooms with their member lists.
// Signing 10,000 users in over HTTP would cost 10,000 scrypt hashes (minutes of CPU on two
// cores) before anything is measured, so users and their sessions go straight into the
// database: the same rows sign-in writes (one scrypt hash shared by all, the token stored as
// its SHA-256 via the server's own hashSecret). Rooms are made through the admin API (§7).
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/services/passwords';
import { hashSecret, newSecret } from '../../server/services/tokens';
import { startServerProcess } from '../../test/support/server-process';
import { AdminApi, inBatches, postJson } from '../support/admin-api';
import { onExit } from '../support/run-guard';
import type { Row } from './bulk-writer';
import { kindOf, planRooms, userName } from './capacity-model';
import type { StoreTarget } from './seed-cache';

export const ADMIN_PASSWORD = 'bench-capacity-admin';

export interface SeededUser {
  name: string;
  id: string;
  token: string;
}

export interface CapacityMeta {
  users: SeededUser[];
  /** Room key of the model (s-a-3, m-0, l-2, …) → room id. */
  rooms: Record<string, string>;
}

const log = (text: string) => process.stderr.write(`capacity seed: ${text}\n`);

async function withServer<T>(target: StoreTarget, run: (url: string) => Promise<T>): Promise<T> {
  const server = await startServerProcess({ args: ['--port', '0', ...target.serverArgs()], env: { PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  const forget = onExit(() => void server.kill('SIGKILL'));
  try {
    return await run(server.url);
  } finally {
    await server.kill('SIGTERM');
    forget();
  }
}

export async function seedCapacity(target: StoreTarget, count: number): Promise<CapacityMeta> {
  // First start: the migrations create the schema (and the administrator).
  await withServer(target, () => Promise.resolve());
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(`capacity-${randomUUID()}`);
  const users: SeededUser[] = Array.from({ length: count }, (_, u) => ({ name: userName(u), id: randomUUID(), token: newSecret() }));
  const writer = await target.openWriter();
  try {
    const userRows: Row[] = users.map((user, u) => ({
      id: user.id,
      name: user.name,
      display_name: `Capacity User ${u}`,
      password_hash: passwordHash,
      roles: JSON.stringify(['user']),
      created_at: now,
    }));
    await writer.insert('users', userRows);
    await writer.insert('sessions', users.map((user) => ({ token_hash: hashSecret(user.token), user_id: user.id, created_at: now })));
  } finally {
    await writer.close();
  }
  log(`${count} users and sessions written`);

  const plan = planRooms(count);
  const rooms = await withServer(target, async (url) => {
    const admin = await AdminApi.signIn(url, ADMIN_PASSWORD);
    const { token } = await postJson<{ token: string }>(url, '/api/session', { user: 'admin', password: ADMIN_PASSWORD });
    const categories = {
      small: await admin.createCategory('Capacity teams'),
      medium: await admin.createCategory('Capacity projects'),
      large: await admin.createCategory('Capacity town halls'),
    };
    const ids = await inBatches([...plan.entries()], 4, ([key, members]) =>
      postJson<{ id: string }>(
        url,
        '/api/rooms',
        { name: `Capacity ${key}`, categoryId: categories[kindOf(key)], privacy: 'closed', members: members.map(userName) },
        token,
      ).then(({ id }) => [key, id] as const),
    );
    return Object.fromEntries(ids);
  });
  log(`${plan.size} rooms through the admin API`);
  return { users, rooms };
}

/** A cached seed's sessions would age towards their idle and absolute limits: make them new. */
export async function refreshSessions(target: StoreTarget): Promise<void> {
  const writer = await target.openWriter();
  try {
    const now = new Date().toISOString();
    await writer.run('update sessions set created_at = ?', [now]);
    const columns = await writer.query<{ name: string }>(
      writer.kind === 'sqlite'
        ? `select name from pragma_table_info('sessions')`
        : `select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = 'sessions'`,
    );
    if (columns.some((c) => c.name === 'last_used_at')) await writer.run('update sessions set last_used_at = ?', [now]);
  } finally {
    await writer.close();
  }
}
