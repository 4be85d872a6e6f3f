// The HTTP side a benchmark needs (PROTOCOL §1 and §7): sign-in, and setting up users,
// categories and rooms as an administrator would. Nothing here reaches into the server.
import type { SessionResponse } from '../../common/protocol';

export interface Credentials {
  name: string;
  password: string;
}

export async function postJson<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** POST /api/session, as the client does before it opens the socket. */
export const signIn = (baseUrl: string, { name, password }: Credentials) =>
  postJson<SessionResponse>(baseUrl, '/api/session', { user: name, password });

/** Runs `task` over `items` with at most `limit` in flight (sign-ins hash with scrypt: bound them). */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** An administrator's view of one pchat server: what the benchmarks set up through §7. */
export class AdminApi {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string, password: string): Promise<AdminApi> {
    const { token } = await signIn(baseUrl, { name: 'admin', password });
    return new AdminApi(baseUrl, token);
  }

  private readonly created = new Map<string, number>();

  /** `count` new users named `${prefix}-<n>` (numbering continues across calls), each with its own password. */
  async createUsers(prefix: string, count: number): Promise<Credentials[]> {
    const first = this.created.get(prefix) ?? 0;
    this.created.set(prefix, first + count);
    const users = Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${first + i}`, password: `${prefix}-${first + i}-pw` }));
    await inBatches(users, 4, ({ name, password }) => postJson(this.baseUrl, '/api/admin/users', { name, displayName: name, password }, this.token));
    return users;
  }

  /** A category that allows everyone (the §9.3 default), for open rooms. */
  async createCategory(name: string, fields: Record<string, unknown> = {}): Promise<string> {
    return (await postJson<{ id: string }>(this.baseUrl, '/api/admin/categories', { name, ...fields }, this.token)).id;
  }

  /** An open room anyone may join and post in. */
  async createOpenRoom(name: string, categoryId: string): Promise<string> {
    return (await postJson<{ id: string }>(this.baseUrl, '/api/rooms', { name, categoryId, privacy: 'open' }, this.token)).id;
  }
}
