// Where "Manage room" / "Create room" go (PROTOCOL §1, DESIGN §1 item 5): the effective
// roomManagementUrl, or the server's own /manage pages when it is blank, with the one-time
// handoff `code`, the `server` base URL and, for one room, its `roomId`. Pure, so the rules
// (blank → built-in, http/https only, existing query kept) are unit-tested on their own.
import { isAllowedWebUrl } from '../../common/url-policy';

export interface ManagementUrlInput {
  /** The effective config's roomManagementUrl ("" = use the built-in pages). */
  roomManagementUrl: string;
  /** The chat server's base URL, e.g. "https://chat.example.org". */
  serverUrl: string;
  code: string;
  roomId?: string | null;
}

/**
 * The page to open before the query is added: the configured URL as it is, or the built-in
 * pages — `<server>/manage/` for a room (the roomId picks it), `<server>/manage/new` to create.
 */
export function managementBaseUrl(roomManagementUrl: string, serverUrl: string, intent: 'manage' | 'create' = 'manage'): string {
  const configured = roomManagementUrl.trim();
  if (configured !== '') return configured;
  return `${serverUrl.replace(/\/+$/, '')}/manage/${intent === 'create' ? 'new' : ''}`;
}

/** The full URL to open, or null when it would not be a plain http/https URL. */
export function buildManagementUrl({ roomManagementUrl, serverUrl, code, roomId }: ManagementUrlInput): string | null {
  const base = managementBaseUrl(roomManagementUrl, serverUrl, roomId ? 'manage' : 'create');
  if (!isAllowedWebUrl(base)) return null;
  const url = new URL(base);
  // set(), not append(): a configured URL that already names these keys must not send two.
  url.searchParams.set('code', code);
  url.searchParams.set('server', serverUrl.replace(/\/+$/, ''));
  if (roomId) url.searchParams.set('roomId', roomId);
  else url.searchParams.delete('roomId');
  const result = url.toString();
  return isAllowedWebUrl(result) ? result : null;
}
