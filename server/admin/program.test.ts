// The command line → HTTP request mapping, end to end through runCli, against a scripted fake
// server. The real server is exercised by test/integration/admin-cli.test.ts.
import { describe, expect, it } from 'vitest';
import type { FetchLike } from './api-client';
import { runCli } from './program';

interface Call {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

type Reply = { status: number; body?: unknown };
type Routes = Record<string, (body: unknown, path: string) => Reply>;

const SIGN_IN: Routes = {
  'POST /api/session': () => ({ status: 200, body: { token: 't0k', user: { id: 'u1', name: 'admin', displayName: 'Admin', roles: ['admin'] } } }),
  'DELETE /api/session': () => ({ status: 204 }),
};

const CATALOGUE: Routes = {
  'GET /api/admin/export': () => ({
    status: 200,
    body: {
      categories: [{ id: 'c1', name: 'Finance', description: '', invitations: true, fileUpload: false, chatHistory: true }],
      users: [{ id: 'u7', name: 'bob' }],
    },
  }),
  'GET /api/addins': () => ({ status: 200, body: [{ id: 'a1', name: 'Tickers', url: 'https://t.example/' }] }),
  'GET /api/rooms': () => ({ status: 200, body: [{ id: 'r1', name: 'Trading floor', categoryId: 'c1' }] }),
};

async function run(args: string[], routes: Routes = {}) {
  const calls: Call[] = [];
  let stdout = '';
  let stderr = '';
  const all = { ...SIGN_IN, ...CATALOGUE, ...routes };
  const fakeFetch: FetchLike = (url, init) => {
    const { pathname, search } = new URL(url);
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const auth = new Headers(init.headers).get('authorization');
    calls.push({ method, path: pathname + search, auth, body });
    const route = all[`${method} ${pathname}`];
    const reply = route ? route(body, pathname) : { status: 404, body: { error: { code: 'not_found', message: 'no route' } } };
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    return Promise.resolve(new Response(text, { status: reply.status }));
  };
  const code = await runCli(['--server', 'http://pchat.test', '--password', 'pw', ...args], {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
    fetch: fakeFetch,
  });
  const work = calls.filter((call) => call.path !== '/api/session');
  return { code, calls, work, stdout, stderr };
}

describe('requests', () => {
  it('config set: signs in, PUTs only the given fields (unset → null) with the token, signs out', async () => {
    const result = await run(['config', 'set', 'site:paris', '--default-chat-history', '50', '--unset', 'max-file-size-kb'], {
      'PUT /api/admin/config/site%3Aparis': (body) => ({ status: 200, body: { scope: 'site:paris', ...(body as object) } }),
    });
    expect(result.code).toBe(0);
    expect(result.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/session',
      'PUT /api/admin/config/site%3Aparis',
      'DELETE /api/session',
    ]);
    expect(result.calls[0]!.body).toEqual({ user: 'admin', password: 'pw' });
    expect(result.work[0]!.body).toEqual({ defaultChatHistory: 50, maxFileSizeKB: null });
    expect(result.work[0]!.auth).toBe('Bearer t0k');
  });

  it('category add: --no-* flags become false and unspecified fields are left to the server', async () => {
    const result = await run(['category', 'add', 'Finance', '--no-file-upload', '--creators', 'alice, bob'], {
      'POST /api/admin/categories': (body) => ({ status: 201, body: { id: 'c9', description: '', invitations: true, chatHistory: true, ...(body as object) } }),
    });
    expect(result.code).toBe(0);
    expect(result.work[0]!.body).toEqual({ name: 'Finance', fileUpload: false, creators: ['alice', 'bob'] });
    expect(result.stdout).toMatch(/file upload:\s+no/);
  });

  it('room add: resolves category and add-in names to ids', async () => {
    const result = await run(
      ['room', 'add', 'Trading floor', '--category', 'finance', '--type', 'auditorium', '--privacy', 'open', '--addin', 'Tickers', '--json'],
      { 'POST /api/rooms': (body) => ({ status: 201, body: { id: 'r2', ...(body as object) } }) },
    );
    expect(result.code).toBe(0);
    const post = result.work.find((call) => call.method === 'POST')!;
    expect(post.body).toEqual({ name: 'Trading floor', categoryId: 'c1', addinId: 'a1', type: 'auditorium', privacy: 'open' });
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'r2', categoryId: 'c1' });
  });

  it('room set --no-addin --enabled: PATCHes addinId null and disabled false', async () => {
    const result = await run(['room', 'set', 'Trading floor', '--no-addin', '--enabled'], {
      'PATCH /api/rooms/r1': (body) => ({ status: 200, body: { id: 'r1', name: 'Trading floor', addin: null, managers: [], presenters: [], ...(body as object) } }),
    });
    expect(result.code).toBe(0);
    expect(result.work.at(-1)!.body).toEqual({ addinId: null, disabled: false });
  });

  it('room remove-messages: the user name becomes userId and dates are normalised to UTC', async () => {
    const result = await run(
      ['room', 'remove-messages', 'r1', '--user', 'bob', '--from', '2026-01-01', '--to', '2026-01-31T12:00+01:00', '--replace-with', '[removed]'],
      { 'POST /api/admin/rooms/r1/remove-messages': () => ({ status: 200, body: { removed: 2 } }) },
    );
    expect(result.code).toBe(0);
    expect(result.work.at(-1)!.body).toEqual({
      userId: 'u7',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-31T11:00:00.000Z',
      replaceWith: '[removed]',
    });
    expect(result.stdout).toBe('replaced 2 messages in Trading floor\n');
  });

  it('category set: uses GET /api/admin/categories when the server has it, instead of the export', async () => {
    const result = await run(['category', 'set', 'Ops', '--no-chat-history'], {
      'GET /api/admin/categories': () => ({ status: 200, body: [{ id: 'c5', name: 'Ops' }] }),
      'PATCH /api/admin/categories/c5': (body) => ({ status: 200, body: { id: 'c5', name: 'Ops', ...(body as object) } }),
    });
    expect(result.code).toBe(0);
    expect(result.work.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/admin/categories', 'PATCH /api/admin/categories/c5']);
    expect(result.work[1]!.body).toEqual({ chatHistory: false });
  });

  it('room add by a category creator (not an admin) finds the category through GET /api/categories', async () => {
    const forbidden = () => ({ status: 403, body: { error: { code: 'forbidden', message: 'administrators only' } } });
    const result = await run(['room', 'add', 'Desk', '--category', 'Finance'], {
      'GET /api/admin/categories': forbidden,
      'GET /api/admin/export': forbidden,
      'GET /api/categories': () => ({ status: 200, body: [{ id: 'c1', name: 'Finance', canCreate: true }] }),
      'POST /api/rooms': (body) => ({ status: 201, body: { id: 'r3', managers: [], presenters: [], ...(body as object) } }),
    });
    expect(result.code).toBe(0);
    expect(result.work.at(-1)!.body).toEqual({ name: 'Desk', categoryId: 'c1' });
  });

  it('export: passes the filters and prints JSON even without --json', async () => {
    const result = await run(['export', '--category', 'Finance', '--from', '2026-02-01']);
    expect(result.code).toBe(0);
    expect(result.work[0]!.path).toBe('/api/admin/export?category=Finance&from=2026-02-01T00%3A00%3A00.000Z');
    expect(JSON.parse(result.stdout)).toHaveProperty('categories');
  });
});

describe('users (§10)', () => {
  const updated = (body: unknown) => ({
    status: 200,
    body: { id: 'u7', name: 'bob', displayName: 'Bob', roles: ['user'], disabled: false, ...(body as object) },
  });

  it('user set: PATCHes only the given fields to the percent-encoded name and prints the user', async () => {
    const result = await run(['user', 'set', 'bob', '--disable', '--display-name', ' Bob B ', '--no-admin'], {
      'PATCH /api/admin/users/bob': updated,
    });
    expect(result.code).toBe(0);
    expect(result.work[0]).toMatchObject({ method: 'PATCH', path: '/api/admin/users/bob', auth: 'Bearer t0k' });
    expect(result.work[0]!.body).toEqual({ disabled: true, displayName: 'Bob B', roles: ['user'] });
    expect(result.stdout).toMatch(/^disabled:\s+yes$/m);

    const again = await run(['user', 'set', 'bob', '--enable', '--password', 'n3w', '--admin', '--json'], { 'PATCH /api/admin/users/bob': updated });
    expect(again.work[0]!.body).toEqual({ disabled: false, password: 'n3w', roles: ['admin', 'user'] });
    expect(JSON.parse(again.stdout)).toMatchObject({ name: 'bob', disabled: false });
  });

  it('user revoke: DELETE /api/admin/users/:name/sessions; an unknown user exits 1', async () => {
    const result = await run(['user', 'revoke', 'bob b'], { 'DELETE /api/admin/users/bob%20b/sessions': () => ({ status: 204 }) });
    expect(result.code).toBe(0);
    expect(result.work.map((c) => `${c.method} ${c.path}`)).toEqual(['DELETE /api/admin/users/bob%20b/sessions']);
    expect(result.stdout).toBe('every session of bob b ended\n');
    const unknown = await run(['user', 'revoke', 'nobody'], {
      'DELETE /api/admin/users/nobody/sessions': () => ({ status: 404, body: { error: { code: 'not_found', message: 'no user named nobody' } } }),
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/404 not_found/);
  });
});

describe('failures', () => {
  it('usage errors exit 2 and send nothing', async () => {
    for (const args of [
      ['room', 'clear', 'r1', '--before', 'last week'],
      ['config', 'set', 'global'],
      ['config', 'set', 'planet:mars', '--max-message-chars', '10'],
      ['addin', 'add', 'Evil', 'javascript:alert(1)'],
      ['room', 'add', 'X'],
      ['room', 'remove-messages', 'r1'],
      ['user', 'set', 'bob'],
      ['user', 'set', 'bob', '--disable', '--enable'],
      ['user', 'set', 'bob', '--password', ''],
      ['user', 'revoke'],
      ['no-such-command'],
    ]) {
      const result = await run(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.calls).toEqual([]);
      expect(result.stderr).not.toBe('');
    }
  });

  it('a sign-in flag after the command is a usage error with a hint', async () => {
    const result = await run(['config', 'show', '--server', 'http://elsewhere.test']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--server'/);
    expect(result.stderr).toMatch(/go before the command/);
  });

  it('a refused sign-in exits 4', async () => {
    const result = await run(['config', 'show'], {
      'POST /api/session': () => ({ status: 401, body: { error: { code: 'bad_credentials', message: 'wrong user or password' } } }),
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/bad_credentials: wrong user or password/);
  });

  it('a refused command exits 1, names the code and message, and still signs out', async () => {
    const result = await run(['config', 'remove', 'global'], {
      'DELETE /api/admin/config/global': () => ({ status: 400, body: { error: { code: 'bad_request', message: 'global cannot be removed' } } }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pchat-admin: server refused (400 bad_request): global cannot be removed\n');
    expect(result.calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/session' });
  });

  it('an unknown name exits 1 with a lookup message', async () => {
    const result = await run(['addin', 'remove', 'Weather']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no add-in with the name or id "Weather"/);
  });

  it('a server that is not pchat is reported as such', async () => {
    const result = await run(['config', 'show'], { 'POST /api/session': () => ({ status: 404, body: undefined }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is --server a pchat server/);
  });

  it('environment variables stand in for the flags', async () => {
    let seen = '';
    const code = await runCli(['config', 'show'], {
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: { PCHAT_SERVER: 'http://env.test:9', PCHAT_ADMIN_USER: 'root', PCHAT_ADMIN_PASSWORD: 'secret' },
      fetch: (url, init) => {
        seen ||= `${url} ${typeof init.body === 'string' ? init.body : ''}`;
        return Promise.reject(new TypeError('fetch failed'));
      },
    });
    expect(code).toBe(3);
    expect(seen).toBe('http://env.test:9/api/session {"user":"root","password":"secret"}');
  });
});
