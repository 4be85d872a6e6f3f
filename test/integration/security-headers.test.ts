// The web client and the room-management pages are served with a strict Content-Security-Policy
// (no inline or eval'd script, no plugins, no <base> hijack, not frameable) and contain no inline
// script, so the policy costs them nothing and an injected <script> or on*= handler cannot run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from './helpers/http-client';
import { type TestServer, startTestServer } from './helpers/test-server';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const WEB_BUILD = join(REPO_ROOT, 'out', 'renderer');

function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** What a browser would run from script-src (falling back to default-src). */
function expectStrictPolicy(csp: string | null): void {
  const policy = directives(csp);
  const scripts = policy.get('script-src') ?? policy.get('default-src');
  expect(scripts).toBeDefined();
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain('*');
  expect(scripts?.some((s) => s === 'http:' || s === 'https:' || s === 'data:')).toBe(false);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
}

/** Every <script> loads a file; no element carries an on*= handler or a javascript: URL. */
function expectNoInlineScript(html: string): void {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes = '', body = ''] of scripts) {
    expect(attributes).toMatch(/\bsrc=/i);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);
}

describe('content security policy', () => {
  let server: TestServer;

  beforeAll(async () => {
    // With a build (as in `npm test`, which builds first) the real client is served; without
    // one the source page is checked below and `/` is the server's "not built" page.
    server = await startTestServer(existsSync(join(WEB_BUILD, 'index.html')) ? { webRoot: WEB_BUILD } : {});
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves / and the API with a strict CSP and nosniff', async () => {
    for (const path of ['/', '/healthz', '/api/rooms', '/no/such/page']) {
      const result = await http(server.url, 'GET', path);
      expectStrictPolicy(result.headers.get('content-security-policy'));
      expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves the room-management pages with their own strict CSP', async () => {
    const result = await http(server.url, 'GET', '/manage/');
    expectStrictPolicy(result.headers.get('content-security-policy'));
    expect(directives(result.headers.get('content-security-policy')).get('connect-src')).toEqual(["'self'"]);
  });

  it('the web client has no inline script', async () => {
    const source = readFileSync(join(REPO_ROOT, 'renderer', 'index.html'), 'utf8');
    expectNoInlineScript(source);
    if (existsSync(join(WEB_BUILD, 'index.html'))) {
      const served = await http(server.url, 'GET', '/');
      expect(served.status).toBe(200);
      expectNoInlineScript(String(served.body));
    }
    const manage = join(REPO_ROOT, 'server', 'manage', 'web', 'index.html');
    if (existsSync(manage)) expectNoInlineScript(readFileSync(manage, 'utf8'));
  });
});
