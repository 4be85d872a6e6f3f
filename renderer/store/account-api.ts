// The caller's own sessions and password over HTTP (PROTOCOL §10, common/session-api.ts), for
// the Settings dialog. Failures come back as values (a UiError) like the rest of http-api.ts.
import type { SessionInfo, SessionsResponse } from '../../common/session-api';
import { errorFromResponse, type FetchFn, type HttpResult } from './http-api';

export class AccountApi {
  constructor(
    private readonly fetchFn: FetchFn,
    private readonly serverUrl: string,
    private readonly token: string,
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<HttpResult<Response>> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.serverUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, error: { key: 'errors.unreachable', params: { server: this.serverUrl } } };
    }
    if (!response.ok) return { ok: false, error: await errorFromResponse(response) };
    return { ok: true, value: response };
  }

  async sessions(): Promise<HttpResult<SessionInfo[]>> {
    const result = await this.call('GET', '/api/sessions');
    if (!result.ok) return result;
    const body = (await result.value.json()) as SessionsResponse;
    return { ok: true, value: Array.isArray(body.sessions) ? body.sessions : [] };
  }

  async endSession(id: string): Promise<HttpResult<null>> {
    const result = await this.call('DELETE', `/api/sessions/${encodeURIComponent(id)}`);
    return result.ok ? { ok: true, value: null } : result;
  }

  async endAllSessions(): Promise<HttpResult<null>> {
    const result = await this.call('DELETE', '/api/sessions');
    return result.ok ? { ok: true, value: null } : result;
  }

  /** A wrong current password answers bad_credentials (the caller stays signed in). */
  async changePassword(current: string, next: string): Promise<HttpResult<null>> {
    const result = await this.call('PUT', '/api/me/password', { current, next });
    return result.ok ? { ok: true, value: null } : result;
  }
}
