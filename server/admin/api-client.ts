// A small typed HTTP client for the administration API (PROTOCOL.md §1, §7). It owns the mapping
// from transport outcomes to the CLI's error classes, so commands only see typed results or one of
// ApiError / ConnectionError / CredentialsError.
import type { ProtocolError, SessionResponse } from '../../common/protocol';
import { isAllowedWebUrl } from '../../common/url-policy';
import { ApiError, ConnectionError, CredentialsError, UsageError } from './errors';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export type Query = Record<string, string | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Builds a path whose interpolated parts are percent-encoded, e.g. apiPath`/api/rooms/${id}`. */
export function apiPath(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((path, part, index) => {
    const value = index < values.length ? encodeURIComponent(values[index]!) : '';
    return path + part + value;
  }, '');
}

/** Checks and normalises --server: an http(s) base URL, kept with any path prefix it has. */
export function normaliseServerUrl(raw: string): string {
  const candidate: unknown = raw; // checked through a copy so `raw` keeps its type for the message
  if (!isAllowedWebUrl(candidate)) {
    throw new UsageError(`--server must be an http:// or https:// URL without credentials, got "${raw}"`);
  }
  const url = new URL(raw);
  if (url.search !== '' || url.hash !== '') throw new UsageError(`--server must not have a query or fragment: "${raw}"`);
  return url.toString().replace(/\/+$/, '');
}

function isProtocolErrorBody(body: unknown): body is { error: ProtocolError } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

/** Why fetch threw, in a few words (undici hides the useful part in `cause`). */
function transportFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  if (error instanceof Error && error.cause instanceof Error) {
    const code = (error.cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${error.cause.message})` : error.cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export class ApiClient {
  private token: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
    // Generous on purpose: an export or a clear of a big room may take minutes. An unreachable
    // host still fails fast through the HTTP client's own connect timeout.
    private readonly timeoutMs = 10 * 60_000,
  ) {}

  /** POST /api/session. A refused sign-in becomes CredentialsError (exit 4). */
  async signIn(user: string, password: string): Promise<SessionResponse> {
    try {
      const session = await this.request<SessionResponse>('POST', '/api/session', { user, password });
      this.token = session.token;
      return session;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.code === 'bad_credentials')) {
        throw new CredentialsError(`${error.code}: ${error.message} (user "${user}")`);
      }
      throw error;
    }
  }

  /** DELETE /api/session. Best effort: the command's own outcome matters more than this one. */
  async signOut(): Promise<void> {
    if (this.token === null) return;
    try {
      await this.request<undefined>('DELETE', '/api/session');
    } catch {
      // A token that outlives a failed sign-out is still revocable server-side; nothing to add.
    } finally {
      this.token = null;
    }
  }

  get<T>(path: string, query: Query = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return this.request<T>('GET', path + search);
  }

  post<T>(path: string, body: object = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: object): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: object): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete(path: string): Promise<undefined> {
    return this.request<undefined>('DELETE', path);
  }

  private async request<T>(method: Method, path: string, body?: object): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token !== null) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ConnectionError(`${this.baseUrl}: ${transportFailure(error)}`);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      if (isProtocolErrorBody(parsed)) {
        throw new ApiError(response.status, parsed.error.code, parsed.error.message ?? '(no message)');
      }
      // Not a pchat error body: most often --server points at something else.
      throw new ApiError(
        response.status,
        `http_${response.status}`,
        `${method} ${path} answered ${response.status} ${response.statusText} without a pchat error body (is --server a pchat server?)`,
      );
    }
    if (text !== '' && parsed === undefined) {
      throw new ApiError(response.status, 'bad_response', `${method} ${path} answered with something that is not JSON`);
    }
    return parsed as T;
  }
}
