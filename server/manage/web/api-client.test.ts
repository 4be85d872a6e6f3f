import { describe, expect, it } from 'vitest';
import { ManageApi, errorFrom, type FetchFn } from './api-client';

function respond(status: number, body: unknown): FetchFn {
  return () => Promise.resolve(new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status }));
}

describe('errorFrom', () => {
  it.each([
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['bad_request', 400],
    ['bad_credentials', 401],
    ['rate_limited', 429],
    ['internal', 500],
  ] as const)('keeps the server code %s', (code, status) => {
    expect(errorFrom(status, { error: { code, message: 'why' } })).toEqual({ code, detail: 'why' });
  });

  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [429, 'rate_limited'],
    [502, 'internal'],
    [418, 'unknown'],
  ] as const)('falls back on the status %i → %s for an unknown or missing code', (status, code) => {
    expect(errorFrom(status, { error: { code: 'something_new' } })).toEqual({ code });
    expect(errorFrom(status, '<html>proxy error</html>')).toEqual({ code });
    expect(errorFrom(status, null)).toEqual({ code });
  });
});

describe('ManageApi', () => {
  it('sends the bearer token and JSON body, and returns the parsed answer', async () => {
    let seen: RequestInit | undefined;
    let url = '';
    const fetchFn: FetchFn = (input, init) => {
      url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      seen = init;
      return Promise.resolve(new Response(JSON.stringify({ id: 'r1' }), { status: 200 }));
    };
    const result = await new ManageApi(fetchFn).withToken('tok').updateRoom('a/b', { description: 'x' });
    expect(result).toEqual({ ok: true, value: { id: 'r1' } });
    expect(url).toBe('/api/rooms/a%2Fb');
    expect(seen?.method).toBe('PATCH');
    expect(new Headers(seen?.headers).get('authorization')).toBe('Bearer tok');
    expect(seen?.body).toBe(JSON.stringify({ description: 'x' }));
  });

  it('maps a used handoff code to unauthorized (PROTOCOL §9.10)', async () => {
    const result = await new ManageApi(respond(401, { error: { code: 'unauthorized', message: 'used' } })).redeem('c');
    expect(result).toEqual({ ok: false, error: { code: 'unauthorized', detail: 'used' } });
  });

  it('maps a wrong password to bad_credentials', async () => {
    const result = await new ManageApi(respond(401, { error: { code: 'bad_credentials', message: 'no' } })).signIn('a', 'b');
    expect(result.ok || result.error.code).toBe('bad_credentials');
  });

  it('maps a network failure to unreachable', async () => {
    const result = await new ManageApi(() => Promise.reject(new TypeError('offline'))).listRooms();
    expect(result).toEqual({ ok: false, error: { code: 'unreachable' } });
  });

  it('accepts an empty 204 body', async () => {
    const result = await new ManageApi(respond(204, undefined)).withToken('t').signOut();
    expect(result).toEqual({ ok: true, value: null });
  });
});
