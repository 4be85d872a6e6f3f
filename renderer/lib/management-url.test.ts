import { describe, expect, it } from 'vitest';
import { buildManagementUrl, managementBaseUrl } from './management-url';

const SERVER = 'http://chat.example.org:4100';

describe('managementBaseUrl', () => {
  it('uses the built-in /manage/ pages when roomManagementUrl is blank', () => {
    expect(managementBaseUrl('', SERVER)).toBe(`${SERVER}/manage/`);
    expect(managementBaseUrl('   ', `${SERVER}/`)).toBe(`${SERVER}/manage/`);
  });

  it('uses the configured URL otherwise', () => {
    expect(managementBaseUrl(' https://rooms.example.org/app ', SERVER)).toBe('https://rooms.example.org/app');
  });
});

describe('buildManagementUrl', () => {
  it('adds code, server and roomId to the built-in pages', () => {
    const url = new URL(buildManagementUrl({ roomManagementUrl: '', serverUrl: SERVER, code: 'c0de', roomId: 'room 1' })!);
    expect(url.origin + url.pathname).toBe(`${SERVER}/manage/`);
    expect(url.searchParams.get('code')).toBe('c0de');
    expect(url.searchParams.get('server')).toBe(SERVER);
    expect(url.searchParams.get('roomId')).toBe('room 1');
  });

  it('opens the built-in create page, without roomId, for "Create room"', () => {
    const url = new URL(buildManagementUrl({ roomManagementUrl: '', serverUrl: SERVER, code: 'x' })!);
    expect(url.pathname).toBe('/manage/new');
    expect(url.searchParams.has('roomId')).toBe(false);
    expect(managementBaseUrl('https://rooms.example.org/app', SERVER, 'create')).toBe('https://rooms.example.org/app');
  });

  it('keeps the configured query and fragment and replaces keys it already had', () => {
    const built = buildManagementUrl({
      roomManagementUrl: 'https://rooms.example.org/app?tenant=7&code=stale&roomId=old#top',
      serverUrl: SERVER,
      code: 'fresh',
    })!;
    const url = new URL(built);
    expect(url.searchParams.get('tenant')).toBe('7');
    expect(url.searchParams.getAll('code')).toEqual(['fresh']);
    expect(url.searchParams.has('roomId')).toBe(false);
    expect(url.hash).toBe('#top');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.example.org/', 'https://user:pw@x.example.org/', 'not a url', 'data:text/html,hi'])(
    'refuses %s',
    (roomManagementUrl) => {
      expect(buildManagementUrl({ roomManagementUrl, serverUrl: SERVER, code: 'c' })).toBeNull();
    },
  );

  it('refuses a non-http server when it would be the built-in page', () => {
    expect(buildManagementUrl({ roomManagementUrl: '', serverUrl: 'file://', code: 'c' })).toBeNull();
  });
});
