// The built-in room-management pages at /manage (DESIGN §1 item 5): HTML with their own strict
// CSP, the SPA fallback, a helpful page without a build; and GET /api/categories, which their
// "Create room" form and the client's "Create room" button rely on.
import Fastify from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGE_CSP, registerManageRoutes } from '../../server/manage/manage-routes';
import { createCategory, createUser, http, signInAdmin } from './helpers/http-client';
import { type TestServer, startTestServer } from './helpers/test-server';

describe('/manage on the real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each(['/manage/', '/manage/new', '/manage/rooms/some-room'])('%s serves HTML with the strict CSP', async (path) => {
    const response = await fetch(new URL(path, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(MANAGE_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toMatch(/<html/i);
  });

  it('redirects /manage to /manage/', async () => {
    const response = await fetch(new URL('/manage', server.url), { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/manage/');
  });

  it('keeps the policy strict: only this server, no framing, no inline scripts', () => {
    expect(MANAGE_CSP).toContain("default-src 'self'");
    expect(MANAGE_CSP).toContain("connect-src 'self'");
    expect(MANAGE_CSP).toContain("frame-ancestors 'none'");
    expect(MANAGE_CSP).toContain("form-action 'self'");
    expect(MANAGE_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('leaves the web client and the API their own responses', async () => {
    const root = await fetch(new URL('/', server.url));
    expect(root.headers.get('content-security-policy')).not.toBe(MANAGE_CSP);
    const api = await http(server.url, 'GET', '/api/rooms');
    expect(api.status).toBe(401);
  });
});

describe('registerManageRoutes with and without a build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pchat-manage-'));
    await mkdir(join(dir, 'built', 'assets'), { recursive: true });
    await writeFile(join(dir, 'built', 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/manage/assets/app.js"></script></body></html>');
    await writeFile(join(dir, 'built', 'assets', 'app.js'), 'console.log("manage");');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function appWith(root: string) {
    const app = Fastify();
    await registerManageRoutes(app, root);
    await app.ready();
    return app;
  }

  it('serves index.html for every page and the built assets as files', async () => {
    const app = await appWith(join(dir, 'built'));
    const page = await app.inject({ url: '/manage/rooms/abc' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toBe(MANAGE_CSP);
    const asset = await app.inject({ url: '/manage/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['content-security-policy']).toBe(MANAGE_CSP);
    expect((await app.inject({ url: '/manage/assets/missing.js' })).statusCode).toBe(404);
    await app.close();
  });

  it('explains how to build when out/manage is missing', async () => {
    const app = await appWith(join(dir, 'nothing-here'));
    const page = await app.inject({ url: '/manage/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(MANAGE_CSP);
    expect(page.body).toContain('npm run build');
    expect((await app.inject({ url: '/manage/assets/app.js' })).statusCode).toBe(404);
    await app.close();
  });
});

describe('GET /api/categories', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = (await signInAdmin(server.url)).token;
  });
  afterAll(() => server.close());

  it('lists the categories the caller belongs to or creates in, with canCreate', async () => {
    const carol = await createUser(server.url, admin, 'carol');
    const dave = await createUser(server.url, admin, 'dave');
    const open = await createCategory(server.url, admin, { name: 'Open to all' });
    const creators = await createCategory(server.url, admin, { name: 'Carol creates', allowedMembers: ['carol'], creators: ['carol'] });
    const closed = await createCategory(server.url, admin, { name: 'Admins only', allowedMembers: ['nobody'] });

    const forCarol = await http<{ id: string; canCreate: boolean }[]>(server.url, 'GET', '/api/categories', { token: carol.token });
    expect(forCarol.status).toBe(200);
    const carolView = new Map(forCarol.body.map((c) => [c.id, c.canCreate]));
    expect(carolView.get(open.id)).toBe(false);
    expect(carolView.get(creators.id)).toBe(true);
    expect(carolView.has(closed.id)).toBe(false);

    const forDave = await http<{ id: string; canCreate: boolean }[]>(server.url, 'GET', '/api/categories', { token: dave.token });
    expect(forDave.body.some((c) => c.canCreate)).toBe(false);
    expect(forDave.body.map((c) => c.id)).not.toContain(creators.id);

    const forAdmin = await http<{ id: string; canCreate: boolean }[]>(server.url, 'GET', '/api/categories', { token: admin });
    expect(forAdmin.body.map((c) => c.id)).toEqual(expect.arrayContaining([open.id, creators.id, closed.id]));
    expect(forAdmin.body.every((c) => c.canCreate)).toBe(true);
  });

  it('needs a token', async () => {
    expect((await http(server.url, 'GET', '/api/categories')).status).toBe(401);
  });
});
