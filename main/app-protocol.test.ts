import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

import { APP_CSP, handleAppProtocol, registerAppScheme, resolveAppPath, serveAppRequest } from './app-protocol';

const root = mkdtempSync(path.join(tmpdir(), 'pchat-app-protocol-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>pchat</title>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it.each([
    ['app://pchat/', 'index.html'],
    ['app://pchat', 'index.html'],
    ['app://pchat/index.html', 'index.html'],
    ['app://pchat/index.html?x=1#/room/2', 'index.html'],
    ['app://pchat/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://pchat/rooms/42', 'index.html'],
    ['app://pchat/assets/with%20space.png', 'assets/with space.png'],
  ])('maps %s to %s', (url, relative) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, relative));
  });

  // The URL parser folds plain and %2e dot segments at the root before we see them: the result
  // is a path inside the root, never outside it.
  it.each([
    ['app://pchat/../secret.txt', 'secret.txt'],
    ['app://pchat/assets/../../secret.txt', 'secret.txt'],
    ['app://pchat/%2e%2e/secret.txt', 'secret.txt'],
    ['app://pchat/%2E%2E/%2E%2E/etc/passwd', 'index.html'],
    ['app://pchat/../../../../etc/hosts.txt', 'etc/hosts.txt'],
  ])('keeps %s inside the root (%s)', (url, relative) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, relative));
  });

  it.each([
    'app://pchat/..%2fsecret.txt',
    'app://pchat/..%2Fsecret.txt',
    'app://pchat/..%5csecret.txt',
    'app://pchat/..%2f..%2fetc%2fpasswd',
    'app://pchat/assets\\..\\..\\secret.txt',
    'app://pchat/index.html%00.png',
    'app://pchat/%E0%A4%A',
    'app://evil/index.html',
    'app://user:pw@pchat/index.html',
    'app://pchat:99/index.html',
    'file:///etc/passwd',
    'https://pchat/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  it('serves a file with the strict CSP and the right type', async () => {
    const response = await serveAppRequest(root, 'app://pchat/assets/index-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });
  it('serves index.html for the root', async () => {
    const response = await serveAppRequest(root, 'app://pchat/');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<title>pchat</title>');
  });
  it('answers 404 for a missing file and for a refused path alike', async () => {
    expect((await serveAppRequest(root, 'app://pchat/assets/missing.js')).status).toBe(404);
    const refused = await serveAppRequest(root, 'app://pchat/..%2fsecret.txt');
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-security-policy')).toBe(APP_CSP);
  });
});

describe('APP_CSP', () => {
  it.each([
    "default-src 'self'",
    "script-src 'self'",
    "connect-src 'self' http: https: ws: wss:",
    'frame-src http: https:',
    "img-src 'self' data: blob: http: https:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
  ])('contains %s', (directive) => {
    expect(APP_CSP.split('; ')).toContain(directive);
  });
  it('never allows inline or eval scripts', () => {
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('registration', () => {
  beforeEach(() => vi.clearAllMocks());
  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });
  it('handles app: requests from the given root', async () => {
    handleAppProtocol(root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = electron.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const response = await handler({ url: 'app://pchat/index.html' } as Request);
    expect(response.status).toBe(200);
  });
});
