// The HTTP side of PROTOCOL §1 and §3: sign in, sign out, file URLs. Failures come back as
// values (a UiError) so the UI can show a translated message.
import type { ErrorCode, SessionResponse } from '../../common/protocol';
import { ERROR_CODES } from '../../common/protocol';
import { isAllowedWebUrl } from '../../common/url-policy';
import type { UiError } from './ui-slice';

export type HttpResult<T> = { ok: true; value: T } | { ok: false; error: UiError };
export type FetchFn = typeof fetch;

/** "chat.example.org:4100/" → "http://chat.example.org:4100"; null when it is not a usable http(s) base URL. */
export function normaliseServerUrl(input: string): string | null {
  let candidate = input.trim();
  if (candidate === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(candidate)) candidate = `http://${candidate}`;
  if (!isAllowedWebUrl(candidate)) return null;
  const url = new URL(candidate);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Reads `{ error: { code } }` from a failed response; anything else counts as an unknown failure. */
export async function errorFromResponse(response: Response): Promise<UiError> {
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { code?: unknown; limitKB?: unknown } } | null)?.error;
    if (isErrorCode(error?.code)) {
      const params = typeof error.limitKB === 'number' ? { limitKB: error.limitKB } : undefined;
      return { key: `errors.${error.code}`, params };
    }
  } catch {
    // Not JSON: fall through to the status-based message.
  }
  return { key: response.status === 401 ? 'errors.unauthorized' : 'errors.unknown' };
}

export async function postSession(
  fetchFn: FetchFn,
  serverUrl: string,
  user: string,
  password: string,
): Promise<HttpResult<SessionResponse>> {
  let response: Response;
  try {
    response = await fetchFn(`${serverUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, password }),
    });
  } catch {
    return { ok: false, error: { key: 'errors.unreachable', params: { server: serverUrl } } };
  }
  if (response.status === 401) return { ok: false, error: { key: 'errors.bad_credentials' } };
  if (!response.ok) return { ok: false, error: await errorFromResponse(response) };
  const body = (await response.json()) as SessionResponse;
  if (typeof body.token !== 'string') return { ok: false, error: { key: 'errors.unknown' } };
  return { ok: true, value: body };
}

/** Best effort: the local sign-out happens whether or not the server could be told. */
const SIGN_OUT_TIMEOUT_MS = 5_000;

export async function deleteSession(fetchFn: FetchFn, serverUrl: string, token: string): Promise<void> {
  try {
    await fetchFn(`${serverUrl}/api/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
      keepalive: true,
      signal: AbortSignal.timeout(SIGN_OUT_TIMEOUT_MS),
    });
  } catch {
    // Offline or too slow: the token simply stays unused until it expires on the server.
  }
}

export function fileDownloadUrl(serverUrl: string, fileId: string, token: string): string {
  return `${serverUrl}/api/files/${encodeURIComponent(fileId)}?token=${encodeURIComponent(token)}`;
}
