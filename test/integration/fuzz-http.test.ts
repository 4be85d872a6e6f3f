// Property-based fuzzing of every HTTP endpoint: arbitrary and malformed JSON bodies, wrong
// content types, hostile path parameters and query strings, oversized bodies, under every kind
// of caller. Bad input must earn a 4xx with `{ error: { code } }` from the protocol's list, never
// a 5xx; the server keeps serving; nothing escapes into this process (the server runs in it).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_ERROR_CODES, hostileValue, watchProcessErrors } from './helpers/fuzz';
import { http, signIn } from './helpers/http-client';
import { type World, makeWorld } from './helpers/world';

type Caller = 'admin' | 'alice' | 'none' | 'garbage';
interface Endpoint {
  method: string;
  /** `{id}` is replaced by a real or a hostile path parameter. */
  path: string;
  fields: string[];
}

// DELETE /api/session is fuzzed only with bad tokens below, so the fuzz never signs itself out.
const ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: '/api/session', fields: ['user', 'password'] },
  { method: 'POST', path: '/api/session/handoff', fields: [] },
  { method: 'POST', path: '/api/session/redeem', fields: ['code'] },
  { method: 'GET', path: '/api/admin/config', fields: [] },
  { method: 'PUT', path: '/api/admin/config/{id}', fields: ['defaultChatHistory', 'maxFileSizeKB', 'participantUpdateLimit', 'roomManagementUrl', 'maxMessageChars'] },
  { method: 'DELETE', path: '/api/admin/config/{id}', fields: [] },
  { method: 'GET', path: '/api/admin/users', fields: [] },
  { method: 'POST', path: '/api/admin/users', fields: ['name', 'displayName', 'password', 'roles'] },
  { method: 'GET', path: '/api/admin/categories', fields: [] },
  { method: 'POST', path: '/api/admin/categories', fields: ['name', 'description', 'allowedMembers', 'deniedMembers', 'creators', 'invitations', 'fileUpload', 'chatHistory'] },
  { method: 'PATCH', path: '/api/admin/categories/{id}', fields: ['name', 'description', 'allowedMembers', 'creators', 'chatHistory'] },
  { method: 'GET', path: '/api/addins', fields: [] },
  { method: 'POST', path: '/api/admin/addins', fields: ['name', 'url'] },
  { method: 'PATCH', path: '/api/admin/addins/{id}', fields: ['name', 'url'] },
  { method: 'DELETE', path: '/api/admin/addins/{id}', fields: [] },
  { method: 'DELETE', path: '/api/admin/rooms/{id}', fields: [] },
  { method: 'POST', path: '/api/admin/rooms/{id}/clear', fields: ['before'] },
  { method: 'POST', path: '/api/admin/rooms/{id}/remove-messages', fields: ['userId', 'contains', 'from', 'to', 'replaceWith'] },
  { method: 'GET', path: '/api/admin/export', fields: [] },
  { method: 'GET', path: '/api/rooms', fields: [] },
  { method: 'POST', path: '/api/rooms', fields: ['name', 'categoryId', 'description', 'type', 'privacy', 'addinId', 'members', 'managers', 'presenters', 'disabled'] },
  { method: 'GET', path: '/api/rooms/{id}', fields: [] },
  { method: 'PATCH', path: '/api/rooms/{id}', fields: ['name', 'description', 'type', 'privacy', 'members', 'categoryId', 'disabled'] },
  { method: 'GET', path: '/api/categories', fields: [] },
  { method: 'POST', path: '/api/rooms/{id}/files', fields: [] },
  { method: 'GET', path: '/api/files/{id}', fields: [] },
];
const HOSTILE_IDS = ['..', '../../etc/passwd', '%2e%2e%2f%2e%2e%2f', '%00', '%ZZ', '%', '__proto__', 'constructor', ' ', '\u202E', 'x'.repeat(5000), "'; drop table rooms; --", 'global', 'site:', 'pool:x'.repeat(50)];
const CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=zz', 'application/xml', 'application/json; charset=utf-16', 'application/json; charset=nope', 'application/jsonx', 'image/png', ';;;', 'application/json, text/plain'];
const DATES = fc.oneof(fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())), fc.constantFrom('2026-02-31', '0000-01-01', '275760-09-13', '9999-12-31T23:59:59+14:00', '2026-13-01'));
const RUNS = 250;

describe('HTTP fuzzing', () => {
  let world: World;
  let watch: ReturnType<typeof watchProcessErrors>;
  const tokens: Record<Caller, string | undefined> = { admin: undefined, alice: undefined, none: undefined, garbage: 'x'.repeat(300) };

  const caller = fc.constantFrom<Caller>('admin', 'admin', 'alice', 'none', 'garbage');
  const pathParam = () => fc.oneof(fc.constant(world.room.id), fc.constant(world.category.id), fc.constantFrom(...HOSTILE_IDS), fc.string({ unit: 'binary', maxLength: 80 }));
  const fillPath = (path: string, param: string, encode: boolean) => path.replace('{id}', encode ? encodeURIComponent(param) : param);

  /** Sends raw bytes, so malformed JSON and odd headers reach the server as written. */
  async function send(method: string, path: string, who: Caller, headers: Record<string, string>, body?: string) {
    const token = tokens[who];
    const all = token === undefined ? headers : { ...headers, authorization: `Bearer ${token}` };
    const response = await fetch(`${world.url}${path}`, { method, headers: all, body: method === 'GET' ? undefined : body });
    return { status: response.status, text: await response.text() };
  }

  function expectNoServerError(what: string, result: { status: number; text: string }): void {
    if (result.status >= 500) throw new Error(`${what} → ${result.status} ${result.text.slice(0, 300)}`);
    if (result.status < 400) return;
    let code: unknown;
    try {
      code = (JSON.parse(result.text) as { error?: { code?: unknown } }).error?.code;
    } catch {
      code = undefined;
    }
    if (!INPUT_ERROR_CODES.includes(String(code))) throw new Error(`${what} → ${result.status} without a protocol error: ${result.text.slice(0, 300)}`);
  }

  async function stillServing(): Promise<void> {
    expect((await http(world.url, 'GET', '/healthz')).status).toBe(200);
    expect((await signIn(world.url, 'bob', 'bob-pw')).user.name).toBe('bob');
    const rooms = await http(world.url, 'GET', '/api/rooms', { token: tokens.admin });
    expect(rooms.status).toBe(200);
  }

  beforeAll(async () => {
    watch = watchProcessErrors();
    world = await makeWorld();
    tokens.admin = world.adminToken;
    tokens.alice = world.alice.token;
  });
  afterAll(async () => {
    const escaped = watch.stop();
    await world.close();
    expect(escaped).toEqual([]);
  });

  it('answers arbitrary and malformed JSON bodies with a 4xx protocol error or success', async () => {
    const endpoint = fc.constantFrom(...ENDPOINTS.filter((e) => e.method !== 'GET'));
    const body = (fields: string[]) =>
      fc.oneof(
        hostileValue([...fields, 'before', 'from', 'to']).map((v) => JSON.stringify(v) ?? 'null'),
        fc.dictionary(fc.constantFrom(...fields, 'before', 'from', 'to'), DATES, { maxKeys: 3 }).map((v) => JSON.stringify(v)),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('{', '{"a":', '[1,2', '{"__proto__":{"admin":true}}', 'null', '"text"', '1e999', '{"a":1,"a":2}', '\uFEFF{}', ''),
      );
    const input = endpoint.chain((e) => fc.tuple(fc.constant(e), body(e.fields), pathParam(), caller));
    await fc.assert(
      fc.asyncProperty(input, async ([e, raw, param, who]) => {
        const path = fillPath(e.path, param, true);
        expectNoServerError(`${e.method} ${path}`, await send(e.method, path, who, { 'content-type': 'application/json' }, raw));
      }),
      { numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    await stillServing();
  });

  it('answers wrong content types with a 4xx protocol error', async () => {
    const input = fc.tuple(fc.constantFrom(...ENDPOINTS.filter((e) => e.method !== 'GET')), fc.constantFrom(...CONTENT_TYPES), fc.string({ maxLength: 200 }), caller);
    await fc.assert(
      fc.asyncProperty(input, async ([e, type, raw, who]) => {
        const path = fillPath(e.path, world.room.id, true);
        expectNoServerError(`${e.method} ${path} as ${type}`, await send(e.method, path, who, { 'content-type': type }, raw));
      }),
      { numRuns: RUNS },
    );
    await stillServing();
  });

  it('answers hostile path parameters and query strings without a 5xx', async () => {
    const withParams = ENDPOINTS.filter((e) => e.path.includes('{id}') || e.method === 'GET');
    const query = fc.dictionary(fc.constantFrom('q', 'category', 'from', 'token', '__proto__', 'constructor'), fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), DATES), { maxKeys: 3 });
    const input = fc.tuple(fc.constantFrom(...withParams), pathParam(), fc.boolean(), query, caller);
    await fc.assert(
      fc.asyncProperty(input, async ([e, param, encode, q, who]) => {
        const search = new URLSearchParams(q).toString();
        const path = `${fillPath(e.path, param, encode)}${search === '' ? '' : `?${search}`}`;
        const target = new URL(path, world.url);
        // Whatever the URL parser made of the hostile text, it must still be this server's path.
        if (target.origin !== world.url) return;
        expectNoServerError(`${e.method} ${path.slice(0, 200)}`, await send(e.method, target.pathname + target.search, who, {}));
      }),
      { numRuns: RUNS },
    );
    await stillServing();
  });

  it('refuses bodies above the 1 MiB limit with 413 too_large, and accepts sizes under it', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(2_000_000) });
    for (const e of ENDPOINTS.filter((x) => x.method !== 'GET' && !x.path.includes('/files'))) {
      const path = fillPath(e.path, world.room.id, true);
      const result = await send(e.method, path, 'admin', { 'content-type': 'application/json' }, huge);
      expect([`${e.method} ${e.path}`, result.status, JSON.parse(result.text)]).toEqual([`${e.method} ${e.path}`, 413, { error: expect.objectContaining({ code: 'too_large' }) }]);
    }
    // Under the limit the body is parsed and judged on its content, not refused for its size.
    const underLimit = await send('POST', '/api/session', 'none', { 'content-type': 'application/json' }, JSON.stringify({ user: 'bob', password: 'p'.repeat(900_000) }));
    expect(underLimit.status).toBe(400);
    expect(JSON.parse(underLimit.text)).toMatchObject({ error: { code: 'bad_request' } });
    await stillServing();
  });

  it('answers DELETE /api/session with bad tokens by 401, and garbage multipart by 400', async () => {
    for (const who of ['none', 'garbage'] as const) {
      const result = await send('DELETE', '/api/session', who, {});
      expect(result.status).toBe(401);
      expect(JSON.parse(result.text)).toMatchObject({ error: { code: 'unauthorized' } });
    }
    // ' ' once made the multipart parser throw a plain Error that became a 500.
    const bodies = [' ', '', '--zz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', '--zz--', 'no boundary at all', `--zz\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--zz--\r\n`];
    for (const raw of bodies) {
      const result = await send('POST', `/api/rooms/${world.room.id}/files`, 'alice', { 'content-type': 'multipart/form-data; boundary=zz' }, raw);
      expectNoServerError(`upload ${JSON.stringify(raw)}`, result);
      expect(result.status).toBeGreaterThanOrEqual(400);
    }
    await stillServing();
  });
});
