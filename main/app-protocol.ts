// Serves the built renderer (out/renderer) on app://pchat/ (DESIGN §5: our UI comes from a custom
// privileged scheme with a strict CSP). A custom scheme instead of file:// gives the UI a real
// origin of its own, so the CSP's 'self', the navigation guards and the IPC sender check can all
// name exactly one origin, and no page can reach the rest of the file system.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../common/navigation-policy';

/** Sent with every response of ours; the page cannot loosen it. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self' http: https: ws: wss:",
  'frame-src http: https:',
  "img-src 'self' data: blob: http: https:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Must run before `app.ready`: Electron fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: a secure context like https.
      // corsEnabled: Vite emits <script type="module" crossorigin>, a CORS-mode request even
      // same-origin, which Chromium only allows for schemes marked CORS-enabled.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/**
 * Maps an app:// request URL to a file under `rootDir`, or null when it must not be served:
 * another host, credentials, encoded separators or NUL, any `..` segment, or a path that would
 * resolve outside the root. `/` serves index.html; a path without an extension is a client-side
 * route and also serves index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;

  // Refuse encoded slashes, backslashes and NUL before decoding: they are how traversals hide.
  if (/%2f|%5c|%00/i.test(url.pathname) || url.pathname.includes('\\')) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const segments = pathname.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;

  const last = segments.at(-1);
  const relative = last === undefined || path.extname(last) === '' ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  // Belt and braces: whatever the parsing above missed, never leave the root.
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': APP_CSP,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

/** Answers one app:// request: the file with our headers, or a plain 404. */
export async function serveAppRequest(rootDir: string, requestUrl: string): Promise<Response> {
  const file = resolveAppPath(rootDir, requestUrl);
  if (file) {
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: securityHeaders(contentTypeFor(file)) });
    } catch {
      // Missing or unreadable: same answer as a refused path, so nothing about the disk leaks.
    }
  }
  return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** After `app.ready`: serve `rootDir` (out/renderer) on app://pchat/ for the default session. */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rootDir, request.url));
}
