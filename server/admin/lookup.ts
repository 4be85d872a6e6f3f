// Turning the names an administrator types into the ids the API wants. The API has no
// "find by name" endpoints, so each lookup lists what the caller may see and picks from it.
import type { Addin, Category, RoomSummary } from '../../common/protocol';
import type { ApiClient } from './api-client';
import { ApiError, LookupError } from './errors';

interface Named {
  id: string;
  name: string;
}

/**
 * An exact id wins, then an exact name, then a case-insensitive name. Two equally good matches
 * are an error that lists their ids, so the administrator can retry with one of them.
 */
export function pickByNameOrId<T extends Named>(items: readonly T[], nameOrId: string, kind: string): T {
  const byId = items.find((item) => item.id === nameOrId);
  if (byId) return byId;
  const exact = items.filter((item) => item.name === nameOrId);
  const candidates = exact.length > 0 ? exact : items.filter((item) => item.name.toLowerCase() === nameOrId.toLowerCase());
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw new LookupError(`no ${kind} with the name or id "${nameOrId}"`);
  const ids = candidates.map((item) => item.id).join(', ');
  throw new LookupError(`${candidates.length} ${kind}s are named "${nameOrId}" (ids ${ids}); give the id instead`);
}

/** The route is missing on this server (404), or not for this caller (403): try the next source. */
function isTryNext(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}

async function listFromExport(api: ApiClient, key: 'categories' | 'users'): Promise<unknown[] | null> {
  const data = await api.get<Partial<Record<typeof key, unknown>>>('/api/admin/export');
  const list = data[key];
  return Array.isArray(list) ? (list as unknown[]) : null;
}

/**
 * §7 lists categories only inside the export (administrators, and every message with them).
 * Servers that offer GET /api/admin/categories answer far less; GET /api/categories lets a
 * category's creators, who are not administrators, name the category of the room they create.
 */
export async function listCategories(api: ApiClient): Promise<Category[]> {
  for (const path of ['/api/admin/categories', '/api/categories']) {
    try {
      return await api.get<Category[]>(path);
    } catch (error) {
      if (!isTryNext(error)) throw error;
    }
  }
  return ((await listFromExport(api, 'categories')) ?? []) as Category[];
}

export async function findCategory(api: ApiClient, nameOrId: string): Promise<Category> {
  return pickByNameOrId(await listCategories(api), nameOrId, 'category');
}

export async function findAddin(api: ApiClient, nameOrId: string): Promise<Addin> {
  return pickByNameOrId(await api.get<Addin[]>('/api/addins'), nameOrId, 'add-in');
}

/** Searches by name first (cheap), then falls back to the full list, which is where ids match. */
export async function findRoom(api: ApiClient, nameOrId: string): Promise<RoomSummary> {
  const hits = await api.get<RoomSummary[]>('/api/rooms', { q: nameOrId });
  const named = hits.filter((room) => room.id === nameOrId || room.name.toLowerCase() === nameOrId.toLowerCase());
  if (named.length > 0) return pickByNameOrId(named, nameOrId, 'room');
  return pickByNameOrId(await api.get<RoomSummary[]>('/api/rooms'), nameOrId, 'room');
}

export async function listUsers(api: ApiClient): Promise<unknown[] | null> {
  try {
    return await api.get<unknown[]>('/api/admin/users');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  return listFromExport(api, 'users');
}

/** remove-messages filters by user id; administrators think in user names. */
export async function findUserId(api: ApiClient, name: string): Promise<string> {
  const listed = await listUsers(api);
  if (listed === null) {
    throw new LookupError(`this server does not list users, so "${name}" cannot be looked up; use --user-id instead`);
  }
  const users = (listed as Partial<Named>[]).filter(
    (user): user is Named => typeof user.id === 'string' && typeof user.name === 'string',
  );
  return pickByNameOrId(users, name, 'user').id;
}
