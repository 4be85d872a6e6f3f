// The room-management pages' only way to the server: PROTOCOL §1 (sign-in, handoff redeem) and
// §7 (rooms, add-ins) plus pchat's GET /api/categories. Always same-origin (the page's CSP has
// connect-src 'self'). Failures come back as values with a code the UI translates.
import type { Addin, Category, RoomDetail, RoomPrivacy, RoomSummary, RoomType, SessionResponse } from '../../../common/protocol';

export const MANAGE_ERROR_CODES = [
  'bad_request',
  'bad_credentials',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
  'unreachable',
  'unknown',
] as const;
export type ManageErrorCode = (typeof MANAGE_ERROR_CODES)[number];

export interface ManageError {
  code: ManageErrorCode;
  /** The server's own words, shown only as detail beside the translated message. */
  detail?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ManageError };

/** A category as GET /api/categories lists it. */
export type CategoryChoice = Category & { canCreate: boolean };

/** GET /api/rooms/:id: managers also get the member list and the invitations switch. */
export type ManagedRoom = RoomDetail & { members?: string[]; invitations?: boolean };

/** Everything the room form edits (POST /api/rooms and PATCH /api/rooms/:id bodies). */
export interface RoomFields {
  name: string;
  categoryId: string;
  description: string;
  type: RoomType;
  privacy: RoomPrivacy;
  addinId: string | null;
  members: string[];
  managers: string[];
  presenters: string[];
  invitations: boolean;
  disabled: boolean;
}

function isManageErrorCode(value: unknown): value is ManageErrorCode {
  return typeof value === 'string' && (MANAGE_ERROR_CODES as readonly string[]).includes(value);
}

function codeForStatus(status: number): ManageErrorCode {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'internal' : 'unknown';
}

/** `{ error: { code, message } }` → a ManageError; an unknown or missing code falls back on the status. */
export function errorFrom(status: number, body: unknown): ManageError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const fields = typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  const code = isManageErrorCode(fields.code) ? fields.code : codeForStatus(status);
  return typeof fields.message === 'string' && fields.message !== '' ? { code, detail: fields.message } : { code };
}

export type FetchFn = typeof fetch;

export class ManageApi {
  constructor(
    private readonly fetchFn: FetchFn,
    private readonly token: string | null = null,
    private readonly baseUrl = '',
  ) {}

  withToken(token: string | null): ManageApi {
    return new ManageApi(this.fetchFn, token, this.baseUrl);
  }

  signIn(user: string, password: string): Promise<ApiResult<SessionResponse>> {
    return this.call<SessionResponse>('POST', '/api/session', { user, password });
  }

  redeem(code: string): Promise<ApiResult<SessionResponse>> {
    return this.call<SessionResponse>('POST', '/api/session/redeem', { code });
  }

  signOut(): Promise<ApiResult<null>> {
    return this.call<null>('DELETE', '/api/session');
  }

  listRooms(): Promise<ApiResult<RoomSummary[]>> {
    return this.call<RoomSummary[]>('GET', '/api/rooms');
  }

  listCategories(): Promise<ApiResult<CategoryChoice[]>> {
    return this.call<CategoryChoice[]>('GET', '/api/categories');
  }

  listAddins(): Promise<ApiResult<Addin[]>> {
    return this.call<Addin[]>('GET', '/api/addins');
  }

  getRoom(id: string): Promise<ApiResult<ManagedRoom>> {
    return this.call<ManagedRoom>('GET', `/api/rooms/${encodeURIComponent(id)}`);
  }

  createRoom(fields: RoomFields): Promise<ApiResult<ManagedRoom>> {
    return this.call<ManagedRoom>('POST', '/api/rooms', fields);
  }

  updateRoom(id: string, patch: Partial<RoomFields>): Promise<ApiResult<ManagedRoom>> {
    return this.call<ManagedRoom>('PATCH', `/api/rooms/${encodeURIComponent(id)}`, patch);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {};
    if (this.token !== null) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, error: { code: 'unreachable' } };
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // A proxy's HTML error page: the status still says what happened.
    }
    if (!response.ok) return { ok: false, error: errorFrom(response.status, parsed) };
    return { ok: true, value: parsed as T };
  }
}
