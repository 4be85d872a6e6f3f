// Plain fetch against the server, returning status and parsed JSON (or text) body.
import type { Category, RoomDetail, SessionResponse, User } from '../../../common/protocol';
import { ADMIN_PASSWORD } from './test-server';

// Tests read response bodies loosely (status codes, error codes); `any` by default keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function http<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(new URL(path, baseUrl), { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export async function signIn(baseUrl: string, user: string, password: string): Promise<SessionResponse> {
  const result = await http<SessionResponse>(baseUrl, 'POST', '/api/session', { body: { user, password } });
  if (result.status !== 200) throw new Error(`sign-in of ${user} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export const signInAdmin = (baseUrl: string) => signIn(baseUrl, 'admin', ADMIN_PASSWORD);

/** Creates a user through the admin API and signs them in. */
export async function createUser(baseUrl: string, adminToken: string, name: string, roles?: ('admin' | 'user')[]): Promise<SessionResponse & { user: User }> {
  const created = await http(baseUrl, 'POST', '/api/admin/users', {
    token: adminToken,
    body: { name, displayName: `${name[0]!.toUpperCase()}${name.slice(1)}`, password: `${name}-pw`, roles },
  });
  if (created.status !== 201) throw new Error(`creating ${name} failed: ${created.status} ${JSON.stringify(created.body)}`);
  return signIn(baseUrl, name, `${name}-pw`);
}

export async function createCategory(baseUrl: string, adminToken: string, body: Record<string, unknown>): Promise<Category & Record<string, unknown>> {
  const result = await http<Category & Record<string, unknown>>(baseUrl, 'POST', '/api/admin/categories', { token: adminToken, body });
  if (result.status !== 201) throw new Error(`creating category failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function createRoom(baseUrl: string, token: string, body: Record<string, unknown>): Promise<RoomDetail> {
  const result = await http<RoomDetail>(baseUrl, 'POST', '/api/rooms', { token, body });
  if (result.status !== 201) throw new Error(`creating room failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}
