import { describe, expect, it, vi } from 'vitest';
import { createFakePlatform } from '../platform/fake';
import type { FetchFn } from '../store/http-api';
import { openRoomManagement, requestHandoffCode } from './open-room-management';

const SERVER = 'http://pchat.test';

function handoffFetch(status = 200, body: unknown = { code: 'abc', expiresInS: 60 }) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchFn: FetchFn = (input, init) => {
    calls.push({ url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init });
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  };
  return { fetchFn, calls };
}

/** A stand-in for the blank window the web host reserves during the click. */
function fakePopup() {
  const popup = { opener: {} as unknown, closed: false, close: vi.fn(), location: { replace: vi.fn() } };
  return { popup, win: { open: vi.fn(() => popup as unknown as Window) } };
}

describe('requestHandoffCode', () => {
  it('posts with the bearer token and returns the code', async () => {
    const { fetchFn, calls } = handoffFetch();
    await expect(requestHandoffCode(fetchFn, SERVER, 'tok')).resolves.toEqual({ ok: true, code: 'abc' });
    expect(calls[0]!.url).toBe(`${SERVER}/api/session/handoff`);
    expect(calls[0]!.init?.method).toBe('POST');
    expect(new Headers(calls[0]!.init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('maps a refused request to the server code', async () => {
    const { fetchFn } = handoffFetch(401, { error: { code: 'unauthorized', message: 'sign in first' } });
    await expect(requestHandoffCode(fetchFn, SERVER, 'tok')).resolves.toEqual({ ok: false, error: { key: 'errors.unauthorized' } });
  });

  it('says the server is unreachable when fetch fails', async () => {
    const fetchFn: FetchFn = () => Promise.reject(new TypeError('offline'));
    const result = await requestHandoffCode(fetchFn, SERVER, 'tok');
    expect(result).toEqual({ ok: false, error: { key: 'errors.unreachable', params: { server: SERVER } } });
  });
});

describe('openRoomManagement', () => {
  it('web: reserves a window during the click, cuts its opener, then sends it to /manage with the code', async () => {
    const { fetchFn } = handoffFetch();
    const { popup, win } = fakePopup();
    const platform = createFakePlatform();
    const pending = openRoomManagement({ platform, fetchFn, win }, { serverUrl: SERVER, token: 't', config: { roomManagementUrl: '' }, roomId: 'r1' });
    // Synchronously, before the handoff answer: this is what keeps popup blockers quiet.
    expect(win.open).toHaveBeenCalledWith('about:blank', '_blank');
    expect(popup.opener).toBeNull();
    const result = await pending;
    expect(result).toEqual({ ok: true, url: `${SERVER}/manage/?code=abc&server=http%3A%2F%2Fpchat.test&roomId=r1` });
    expect(popup.location.replace).toHaveBeenCalledWith(result.ok && result.url);
    expect(platform.opened).toEqual([]);
  });

  it('uses the configured roomManagementUrl', async () => {
    const { fetchFn } = handoffFetch();
    const { popup, win } = fakePopup();
    const result = await openRoomManagement(
      { platform: createFakePlatform(), fetchFn, win },
      { serverUrl: SERVER, token: 't', config: { roomManagementUrl: 'https://rooms.example.org/m' } },
    );
    expect(result.ok && new URL(result.url).origin).toBe('https://rooms.example.org');
    expect(popup.location.replace).toHaveBeenCalledTimes(1);
  });

  it('closes the reserved window and reports when the URL is not http/https', async () => {
    const { fetchFn } = handoffFetch();
    const { popup, win } = fakePopup();
    const result = await openRoomManagement(
      { platform: createFakePlatform(), fetchFn, win },
      { serverUrl: SERVER, token: 't', config: { roomManagementUrl: 'javascript:alert(1)' } },
    );
    expect(result).toEqual({ ok: false, error: { key: 'errors.management_url' } });
    expect(popup.close).toHaveBeenCalled();
    expect(popup.location.replace).not.toHaveBeenCalled();
  });

  it('closes the reserved window when the handoff fails', async () => {
    const { fetchFn } = handoffFetch(500, { error: { code: 'internal' } });
    const { popup, win } = fakePopup();
    const result = await openRoomManagement({ platform: createFakePlatform(), fetchFn, win }, { serverUrl: SERVER, token: 't', config: { roomManagementUrl: '' } });
    expect(result.ok).toBe(false);
    expect(popup.close).toHaveBeenCalled();
  });

  it('desktop: no window of its own, the platform opens the browser', async () => {
    const { fetchFn } = handoffFetch();
    const { win } = fakePopup();
    const platform = { ...createFakePlatform(), kind: 'electron' as const, opened: [] as string[] };
    platform.openExternal = (url) => {
      platform.opened.push(url);
      return Promise.resolve(true);
    };
    const result = await openRoomManagement({ platform, fetchFn, win }, { serverUrl: SERVER, token: 't', config: { roomManagementUrl: '' }, roomId: 'r2' });
    expect(win.open).not.toHaveBeenCalled();
    expect(result.ok).toBe(true);
    expect(platform.opened).toHaveLength(1);
    expect(new URL(platform.opened[0]!).searchParams.get('roomId')).toBe('r2');
  });

  it('web with a blocked popup falls back to the platform', async () => {
    const { fetchFn } = handoffFetch();
    const platform = createFakePlatform();
    const result = await openRoomManagement({ platform, fetchFn, win: { open: () => null } }, { serverUrl: SERVER, token: 't', config: { roomManagementUrl: '' } });
    expect(result.ok).toBe(true);
    expect(platform.opened).toHaveLength(1);
  });
});
