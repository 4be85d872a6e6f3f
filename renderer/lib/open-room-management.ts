// Opens the room-management pages signed in (DESIGN §1 item 5): a fresh one-time handoff code
// (POST /api/session/handoff), the URL from the *current* effective config (management-url.ts),
// the URL policy, then the user's browser through the platform.
import type { EffectiveConfig } from '../../common/protocol';
import { isAllowedWebUrl } from '../../common/url-policy';
import type { Platform } from '../platform/platform';
import { errorFromResponse, type FetchFn } from '../store/http-api';
import type { UiError } from '../store/ui-slice';
import { buildManagementUrl } from './management-url';

export type OpenManagementResult = { ok: true; url: string } | { ok: false; error: UiError };

export interface OpenManagementDeps {
  platform: Platform;
  fetchFn: FetchFn;
  /** The window to open the web host's popup from (tests pass a fake). */
  win?: Pick<Window, 'open'>;
}

export interface OpenManagementRequest {
  serverUrl: string;
  token: string;
  config: Pick<EffectiveConfig, 'roomManagementUrl'>;
  /** Present for "Manage room", absent for "Create room". */
  roomId?: string;
}

export async function requestHandoffCode(fetchFn: FetchFn, serverUrl: string, token: string): Promise<{ ok: true; code: string } | { ok: false; error: UiError }> {
  let response: Response;
  try {
    response = await fetchFn(`${serverUrl}/api/session/handoff`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  } catch {
    return { ok: false, error: { key: 'errors.unreachable', params: { server: serverUrl } } };
  }
  if (!response.ok) return { ok: false, error: await errorFromResponse(response) };
  const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
  return typeof body?.code === 'string' ? { ok: true, code: body.code } : { ok: false, error: { key: 'errors.unknown' } };
}

/**
 * Popup blockers only let a page open a window while the click is being handled, and the code
 * needs a round trip first. So on the web host a blank window is opened synchronously, its
 * `opener` is cut at once (what 'noopener' would do — but with 'noopener' window.open returns
 * null and we could not send the window anywhere later), and it is navigated once the URL is
 * known, or closed if anything fails. The desktop host needs none of this: main opens the
 * system browser with shell.openExternal after its own policy check, with no popup involved.
 * Call this synchronously from the click handler.
 */
export function openRoomManagement(deps: OpenManagementDeps, request: OpenManagementRequest): Promise<OpenManagementResult> {
  const pending = deps.platform.kind === 'web' ? reserveWindow(deps.win ?? window) : null;
  return finish(deps, request, pending).then(
    (result) => {
      if (!result.ok) pending?.close();
      return result;
    },
    (error: unknown) => {
      pending?.close();
      throw error;
    },
  );
}

function reserveWindow(win: Pick<Window, 'open'>): Window | null {
  const reserved = win.open('about:blank', '_blank');
  if (reserved) reserved.opener = null;
  return reserved;
}

async function finish(deps: OpenManagementDeps, request: OpenManagementRequest, pending: Window | null): Promise<OpenManagementResult> {
  const handoff = await requestHandoffCode(deps.fetchFn, request.serverUrl, request.token);
  if (!handoff.ok) return handoff;
  const url = buildManagementUrl({
    roomManagementUrl: request.config.roomManagementUrl,
    serverUrl: request.serverUrl,
    code: handoff.code,
    roomId: request.roomId,
  });
  if (url === null || !isAllowedWebUrl(url)) return { ok: false, error: { key: 'errors.management_url' } };
  if (pending && !pending.closed) {
    pending.location.replace(url);
    return { ok: true, url };
  }
  // Desktop, or a web popup that was blocked or closed meanwhile: the platform's own way.
  const opened = await deps.platform.openExternal(url);
  return opened ? { ok: true, url } : { ok: false, error: { key: 'errors.management_url' } };
}
