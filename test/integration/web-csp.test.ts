// The app's Content-Security-Policy covers every response except the demo add-in's own files,
// which replace it with theirs. A path that only *starts* with /demo/ must not escape the policy.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A raw GET: fetch() would normalise `..` away before sending, a hostile client need not. */
function rawGet(path: string): Promise<{ status: number; csp: string | undefined }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (response) => {
      response.resume();
      const csp = response.headers['content-security-policy'];
      resolve({ status: response.statusCode ?? 0, csp: Array.isArray(csp) ? csp.join(', ') : csp });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Content-Security-Policy', () => {
  it.each(['/', '/index.html', '/no-such-page', '/demo/../index.html', '/demo/%2e%2e/index.html', '/demo/x/../../'])(
    '%s carries the app policy with frame-ancestors none',
    async (path) => {
      const { csp } = await rawGet(path);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
    },
  );

  it('nothing on the app origin may be framed: the demo add-in page is not served here (its own origin, issue 9 #10)', async () => {
    const { status, csp } = await rawGet('/demo/ticker-addin.html');
    expect(status).toBe(404);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
