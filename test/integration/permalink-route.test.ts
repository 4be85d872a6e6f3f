// Permalinks (PROTOCOL §11): the server serves the web client at /r/<roomId>/<seq>, with the
// build's relative asset paths pointing at the root so they resolve from that depth; the app's
// policy headers apply there too, and the assets themselves are still served.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootedAssetPaths } from '../../server/http/web-routes';
import { startTestServer, type TestServer } from './helpers/test-server';

const INDEX = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-abc.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-abc.css">
</head><body><div id="root"></div><p>see ./assets/ in text</p></body></html>`;

let server: TestServer;
beforeAll(async () => {
  const webRoot = await mkdtemp(join(tmpdir(), 'pchat-web-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), INDEX);
  await writeFile(join(webRoot, 'assets', 'index-abc.js'), 'export {};');
  server = await startTestServer({ webRoot });
});
afterAll(async () => {
  await server.close();
});

describe('permalink route', () => {
  it('serves the web client at /r/<roomId>/<seq> with root-based asset paths', async () => {
    const response = await fetch(`${server.url}/r/some-room/42`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain('src="/assets/index-abc.js"');
    expect(html).toContain('href="/assets/index-abc.css"');
    expect(html).not.toContain('"./assets/');
    // Only attribute values change, never the page's text.
    expect(html).toContain('see ./assets/ in text');
    const asset = await fetch(new URL('/assets/index-abc.js', `${server.url}/r/some-room/42`));
    expect(asset.status).toBe(200);
  });

  it('the root still serves the untouched build', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('src="./assets/index-abc.js"');
  });

  it('rewrites only src/href attributes that start with ./', () => {
    expect(rootedAssetPaths('<a href="./x">./y</a><img src=\'./z\'><a href="https://e/./q">')).toBe(
      '<a href="/x">./y</a><img src=\'/z\'><a href="https://e/./q">',
    );
  });
});
