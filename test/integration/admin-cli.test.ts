// pchat-admin against a real server: the CLI runs as a real child process (tsx), and every effect
// is checked through the HTTP API (or a real socket.io client for messages), never through the
// CLI's own output alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Addin, ClientToServerEvents, Message, RoomDetail, ServerToClientEvents } from '../../common/protocol';
import { startServer } from '../../server/app';

const ADMIN_PASSWORD = 'admin-cli-test-pw';
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const CLI = join(process.cwd(), 'server', 'admin', 'cli.ts');

let server: { url: string; close(): Promise<void> };
let dataDir: string;
let adminToken: string;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs pchat-admin as its own process; the password comes from the environment, as documented. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PCHAT_')));
  const child = spawn(TSX, [CLI, ...args], {
    env: { ...inherited, PCHAT_SERVER: server.url, PCHAT_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function api<T>(method: string, path: string, body?: unknown, token = adminToken): Promise<{ status: number; body: T }> {
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

async function signIn(user: string, password: string): Promise<{ status: number; token?: string }> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  const body = (await response.json()) as { token?: string };
  return { status: response.status, token: body.token };
}

/** A loopback port nobody listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function postMessages(token: string, roomId: string, texts: string[]): Promise<Message[]> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
  });
  try {
    const sent: Message[] = [];
    for (const [index, text] of texts.entries()) {
      const ack = await socket.timeout(5000).emitWithAck('message:send', { roomId, clientId: `cli-test-${index}`, text });
      if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
      sent.push(ack.message as Message);
    }
    return sent;
  } finally {
    socket.disconnect();
  }
}

interface ExportData {
  categories: { id: string; name: string; fileUpload: boolean; creators?: string[] }[];
  rooms: { id: string; name: string }[];
  addins: Addin[];
  messages: Message[];
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pchat-admin-cli-'));
  server = await startServer({ host: '127.0.0.1', port: 0, dataDir, adminPassword: ADMIN_PASSWORD });
  const session = await signIn('admin', ADMIN_PASSWORD);
  adminToken = session.token!;
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Each CLI run is a fresh tsx process (about half a second, more on a busy machine), and some
// tests run ten of them: give them room.
describe('pchat-admin against a real server', { timeout: 180_000 }, () => {
  it('config set / unset / remove change what GET /api/admin/config returns', async () => {
    const set = await cli(['config', 'set', 'global', '--default-chat-history', '50', '--max-file-size-kb', '1024']);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(await cli(['config', 'set', 'site:paris', '--participant-update-limit', '9', '--max-message-chars', '500'])).toMatchObject({ code: 0 });
    expect(await cli(['config', 'set', 'site:paris', '--unset', 'max-message-chars'])).toMatchObject({ code: 0 });

    type Listing = { entries: { scope: string; [field: string]: unknown }[]; effective: Record<string, unknown> };
    let listing = (await api<Listing>('GET', '/api/admin/config')).body;
    expect(listing.entries.find((e) => e.scope === 'global')).toMatchObject({ defaultChatHistory: 50, maxFileSizeKB: 1024 });
    const paris = listing.entries.find((e) => e.scope === 'site:paris')!;
    expect(paris.participantUpdateLimit).toBe(9);
    expect(paris.maxMessageChars ?? null).toBeNull();
    expect(listing.effective).toMatchObject({ defaultChatHistory: 50, maxFileSizeKB: 1024 });

    expect(await cli(['config', 'remove', 'site:paris'])).toMatchObject({ code: 0 });
    listing = (await api<Listing>('GET', '/api/admin/config')).body;
    expect(listing.entries.map((e) => e.scope)).not.toContain('site:paris');

    const shown = await cli(['--json', 'config', 'show']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ effective: { defaultChatHistory: 50 } });
  });

  it('refuses out-of-range values locally (exit 2) and leaves the configuration alone', async () => {
    const run = await cli(['config', 'set', 'global', '--default-chat-history', '501']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--default-chat-history must be from 1 to 500/);
    const listing = (await api<{ effective: { defaultChatHistory: number } }>('GET', '/api/admin/config')).body;
    expect(listing.effective.defaultChatHistory).not.toBe(501);
  });

  it('reports a refusal by the server with its code and exits 1', async () => {
    const run = await cli(['config', 'remove', 'global']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^pchat-admin: server refused \(400 bad_request\): .+/);
  });

  it('user add creates users who can sign in; only one added with --admin may administer', async () => {
    const run = await cli(['user', 'add', 'carol', '--display-name', 'Carol D', '--password', 'carol-pw']);
    expect(run.code).toBe(0);
    expect((await signIn('carol', 'carol-pw')).status).toBe(200);
    const listed = JSON.parse((await cli(['user', 'list', '--json'])).stdout) as { name: string; roles: string[] }[];
    expect(listed.find((u) => u.name === 'carol')?.roles).not.toContain('admin');
    const asCarol = await cli(['config', 'show'], { PCHAT_ADMIN_USER: 'carol', PCHAT_ADMIN_PASSWORD: 'carol-pw' });
    expect(asCarol.code).toBe(1);
    expect(asCarol.stderr).toMatch(/forbidden/);

    expect(await cli(['user', 'add', 'dave', '--password', 'dave-pw', '--admin'])).toMatchObject({ code: 0 });
    const asDave = await cli(['config', 'show'], { PCHAT_ADMIN_USER: 'dave', PCHAT_ADMIN_PASSWORD: 'dave-pw' });
    expect(asDave).toMatchObject({ code: 0, stderr: '' });
  });

  it('category add / set are visible through the API', async () => {
    const added = await cli(['category', 'add', 'Finance', '--no-file-upload', '--creators', 'carol', '--description', 'Desks']);
    expect(added.code).toBe(0);
    let finance = (await api<ExportData>('GET', '/api/admin/export')).body.categories.find((c) => c.name === 'Finance')!;
    expect(finance).toMatchObject({ fileUpload: false, creators: ['carol'] });

    expect(await cli(['category', 'set', 'finance', '--file-upload'])).toMatchObject({ code: 0 });
    finance = (await api<ExportData>('GET', '/api/admin/export')).body.categories.find((c) => c.name === 'Finance')!;
    expect(finance).toMatchObject({ fileUpload: true, creators: ['carol'] });
  });

  it('addin add / set / remove are visible through GET /api/addins; a bad URL is refused', async () => {
    expect(await cli(['addin', 'add', 'Weather', 'https://weather.example/pane'])).toMatchObject({ code: 0 });
    expect(await cli(['addin', 'set', 'Weather', '--url', 'https://weather.example/v2'])).toMatchObject({ code: 0 });
    let addins = (await api<Addin[]>('GET', '/api/addins')).body;
    expect(addins.find((a) => a.name === 'Weather')?.url).toBe('https://weather.example/v2');

    const bad = await cli(['addin', 'add', 'Evil', 'javascript:alert(1)']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/URL must be an absolute http:\/\/ or https:\/\/ URL/);
    addins = (await api<Addin[]>('GET', '/api/addins')).body;
    expect(addins.map((a) => a.name)).not.toContain('Evil');

    expect(await cli(['addin', 'remove', 'Weather'])).toMatchObject({ code: 0 });
    addins = (await api<Addin[]>('GET', '/api/addins')).body;
    expect(addins.map((a) => a.name)).not.toContain('Weather');
  });

  it('room add / set / list / remove, with names resolved to ids', async () => {
    expect(await cli(['addin', 'add', 'Tickers', 'https://tickers.example/pane'])).toMatchObject({ code: 0 });
    const added = await cli([
      'room', 'add', 'Trading floor', '--category', 'Finance', '--type', 'auditorium', '--privacy', 'open',
      '--addin', 'Tickers', '--presenters', 'carol', '--json',
    ]);
    expect(added.code).toBe(0);
    const created = JSON.parse(added.stdout) as RoomDetail;
    const detail = (await api<RoomDetail>('GET', `/api/rooms/${created.id}`)).body;
    expect(detail).toMatchObject({ name: 'Trading floor', type: 'auditorium', privacy: 'open', presenters: ['carol'] });
    expect(detail.addin?.name).toBe('Tickers');

    expect(await cli(['room', 'set', 'trading floor', '--privacy', 'closed', '--no-addin', '--disabled'])).toMatchObject({ code: 0 });
    const changed = (await api<RoomDetail>('GET', `/api/rooms/${created.id}`)).body;
    expect(changed).toMatchObject({ privacy: 'closed', addin: null, disabled: true });

    const listed = await cli(['room', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((r) => r.id)).toContain(created.id);

    expect(await cli(['room', 'add', 'Scratch', '--category', 'Finance'])).toMatchObject({ code: 0 });
    expect(await cli(['room', 'remove', 'Scratch'])).toMatchObject({ code: 0 });
    const rooms = (await api<{ name: string }[]>('GET', '/api/rooms')).body;
    expect(rooms.map((r) => r.name)).not.toContain('Scratch');

    const missing = await cli(['room', 'show', 'No such room']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no room with the name or id "No such room"/);
  });

  it("a category's creator who is not an administrator can add a room by category name", async () => {
    const asCarol = { PCHAT_ADMIN_USER: 'carol', PCHAT_ADMIN_PASSWORD: 'carol-pw' };
    const added = await cli(['room', 'add', 'Carol desk', '--category', 'Finance', '--json'], asCarol);
    expect(added.stderr).toBe('');
    const room = JSON.parse(added.stdout) as RoomDetail;
    expect((await api<RoomDetail>('GET', `/api/rooms/${room.id}`)).body.managers).toContain('carol');

    const removed = await cli(['room', 'remove', 'Carol desk'], asCarol);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toMatch(/403 forbidden/);
  });

  /** An open room with two of the admin's messages and three of carol's. */
  async function roomWithMessages(name: string): Promise<string> {
    expect(await cli(['room', 'add', name, '--category', 'Finance', '--privacy', 'open'])).toMatchObject({ code: 0 });
    const rooms = (await api<{ id: string; name: string }[]>('GET', `/api/rooms?q=${encodeURIComponent(name)}`)).body;
    const roomId = rooms.find((r) => r.name === name)!.id;
    const carol = (await signIn('carol', 'carol-pw')).token!;
    await postMessages(adminToken, roomId, ['deploy at noon', 'my password is hunter2']);
    await postMessages(carol, roomId, ['spam spam', 'more spam', 'carol says hi']);
    return roomId;
  }

  async function textsIn(roomId: string): Promise<string[]> {
    const data = (await api<ExportData>('GET', '/api/admin/export')).body;
    return data.messages.filter((m) => m.roomId === roomId).map((m) => m.text).sort();
  }

  it('room remove-messages replaces or removes exactly the matching messages', async () => {
    const roomId = await roomWithMessages('Ops');

    const replaced = await cli(['room', 'remove-messages', 'Ops', '--contains', 'hunter2', '--replace-with', '[removed]', '--json']);
    expect(replaced.stderr).toBe('');
    expect(JSON.parse(replaced.stdout)).toMatchObject({ removed: 1 });

    const byUser = await cli(['room', 'remove-messages', 'Ops', '--user', 'carol', '--contains', 'spam']);
    expect(byUser.code).toBe(0);
    expect(byUser.stdout).toMatch(/removed 2 messages/);

    expect(await textsIn(roomId)).toEqual(['[removed]', 'carol says hi', 'deploy at noon']);
  });

  it('room clear removes the messages posted before the date and keeps the rest', async () => {
    const roomId = await roomWithMessages('Archive');

    const none = await cli(['room', 'clear', 'Archive', '--before', '2000-01-01', '--json']);
    expect(none.stderr).toBe('');
    expect(JSON.parse(none.stdout)).toMatchObject({ removed: 0 });
    expect(await textsIn(roomId)).toHaveLength(5);

    const all = await cli(['room', 'clear', 'Archive', '--before', '2999-01-01']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/removed 5 messages in Archive/);
    expect(await textsIn(roomId)).toEqual([]);
  });

  it('export prints valid JSON with the rooms, and honours --category', async () => {
    const run = await cli(['export']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as ExportData;
    expect(data.rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['Trading floor', 'Ops', 'Archive']));
    expect(data.categories.map((c) => c.name)).toContain('Finance');

    expect(await cli(['category', 'add', 'Empty'])).toMatchObject({ code: 0 });
    const filtered = JSON.parse((await cli(['export', '--category', 'Empty'])).stdout) as ExportData;
    expect(filtered.categories.map((c) => c.name)).toEqual(['Empty']);
    expect(filtered.rooms).toEqual([]);
  });

  it('user set / revoke: a new password or --disable ends the sessions, --enable lets the user back in', async () => {
    await api('POST', '/api/admin/users', { name: 'erin', displayName: 'Erin', password: 'erin-pw' });
    const first = (await signIn('erin', 'erin-pw')).token!;
    const sessionsOf = async (token: string) => (await api('GET', '/api/sessions', undefined, token)).status;

    const renamed = await cli(['user', 'set', 'ERIN', '--display-name', 'Erin E', '--json']);
    expect(renamed.code).toBe(0);
    expect(JSON.parse(renamed.stdout)).toMatchObject({ name: 'erin', displayName: 'Erin E', disabled: false });
    expect(await sessionsOf(first)).toBe(200);

    expect(await cli(['user', 'set', 'erin', '--password', 'erin-new'])).toMatchObject({ code: 0 });
    expect(await sessionsOf(first)).toBe(401);
    const second = (await signIn('erin', 'erin-new')).token!;

    const disabled = await cli(['user', 'set', 'erin', '--disable']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/^disabled:\s+yes$/m);
    expect(await sessionsOf(second)).toBe(401);
    expect((await signIn('erin', 'erin-new')).status).toBe(401);
    const listed = JSON.parse((await cli(['user', 'list', '--json'])).stdout) as { name: string; disabled: boolean }[];
    expect(listed.find((u) => u.name === 'erin')?.disabled).toBe(true);

    expect(await cli(['user', 'set', 'erin', '--enable'])).toMatchObject({ code: 0 });
    const third = (await signIn('erin', 'erin-new')).token!;
    const revoked = await cli(['user', 'revoke', 'erin']);
    expect(revoked).toMatchObject({ code: 0, stderr: '' });
    expect(await sessionsOf(third)).toBe(401);

    const unknown = await cli(['user', 'revoke', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/404 not_found/);
    expect((await cli(['user', 'set', 'erin'])).code).toBe(2);
  });

  it('a wrong password exits 4 and an unreachable server exits 3', async () => {
    const wrong = await cli(['config', 'show'], { PCHAT_ADMIN_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/sign-in failed: bad_credentials/);

    const port = await closedPort();
    const down = await cli(['--server', `http://127.0.0.1:${port}`, 'config', 'show']);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/cannot reach the server: .*ECONNREFUSED/);
  });
});
