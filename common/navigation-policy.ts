// Pure decisions behind main/guards.ts (STYLE.md §4): what a page may navigate to, what a new
// window becomes, which permissions a page gets. Kept free of Electron so every case is a unit
// test (navigation-policy.test.ts); main/guards.ts only wires these to Electron's events.
import { isAllowedLinkUrl, isAllowedWebUrl } from './url-policy';

/** Our UI is served from this privileged scheme by main/app-protocol.ts. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pchat';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type NavigationDecision =
  | { readonly action: 'allow' }
  /**
   * Refused; `openExternally` is set when the URL is safe to hand to the user's browser at once,
   * `askFirst` when it is safe but no user gesture came with it: the user confirms first.
   */
  | { readonly action: 'deny'; readonly openExternally?: string; readonly askFirst?: string };

const ALLOW: NavigationDecision = { action: 'allow' };
const DENY: NavigationDecision = { action: 'deny' };

function parse(candidate: unknown): URL | null {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 4000) return null;
  // Parsers drop control characters and whitespace silently; a URL that needs that is refused.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(candidate)) return null;
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/**
 * True for a URL on our own app origin (app://pchat/…). Compared by protocol and host, not by
 * `URL.origin`: WHATWG gives non-special schemes the opaque origin "null" outside Electron.
 */
export function isAppUrl(candidate: unknown): boolean {
  const url = parse(candidate);
  if (!url) return false;
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return false;
  return url.username === '' && url.password === '' && url.port === '';
}

/** `will-navigate` on the main frame: stay inside the app; web pages go to the browser. */
export function decideMainFrameNavigation(url: unknown): NavigationDecision {
  if (isAppUrl(url)) return ALLOW;
  if (isAllowedWebUrl(url)) return { action: 'deny', openExternally: url };
  return DENY;
}

/**
 * `will-frame-navigate` / `will-redirect`: the main frame stays in the app; a subframe (the
 * sandboxed add-in iframe) may only load plain http/https pages — never our app origin (that
 * would make it same-origin with the UI), never file:, data:, javascript: or a custom scheme.
 */
export function decideFrameNavigation(url: unknown, isMainFrame: boolean): NavigationDecision {
  if (isMainFrame) return isAppUrl(url) ? ALLOW : DENY;
  return isAllowedWebUrl(url) ? ALLOW : DENY;
}

/**
 * How long after a click or key press a page may open one link (issue 9 #8). Chromium lets a
 * gesture open a popup for up to 5 s; a link followed from a click handler needs milliseconds,
 * and a shorter window leaves an add-in that polls `window.open` less to ride on.
 */
export const USER_ACTIVATION_MS = 1000;

/** The input events that count as a user gesture, as Chromium's user activation counts them. */
const ACTIVATING_INPUTS: ReadonlySet<string> = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap', 'touchEnd', 'pointerDown', 'pointerUp']);

export function isActivatingInput(type: unknown): boolean {
  return typeof type === 'string' && ACTIVATING_INPUTS.has(type);
}

/** When the last activating input reached the page (null: never, or already used up), and now. */
export interface UserActivation {
  readonly lastAt: number | null;
  readonly now: number;
}

/**
 * `setWindowOpenHandler`: the app never opens a second Electron window. A link (http/https/mailto)
 * opened within USER_ACTIVATION_MS of a user gesture goes to the system's handler; one opened
 * without a gesture (an add-in calling `window.open` on load, or on a timer) is only offered to
 * the user, who confirms it first. Anything else is refused.
 */
export function decideWindowOpen(url: unknown, activation: UserActivation): NavigationDecision {
  if (!isAllowedLinkUrl(url)) return DENY;
  const { lastAt, now } = activation;
  const gesture = lastAt !== null && now >= lastAt && now - lastAt <= USER_ACTIVATION_MS;
  return gesture ? { action: 'deny', openExternally: url } : { action: 'deny', askFirst: url };
}

/** `external:open` from our UI: the same link policy as new windows. */
export function mayOpenExternally(url: unknown): url is string {
  return isAllowedLinkUrl(url);
}

/**
 * Permissions that our own UI (top frame on the app origin) may use. Everything else — and
 * everything any add-in frame asks for — is denied. Notifications serve mentions (DESIGN §1.6);
 * sanitized clipboard writes serve "copy link"/"copy message". The local-network ones let the UI
 * reach a pchat server on the loopback or a company LAN once Chromium's Local Network Access
 * enforcement lands in Electron (reported from Electron 43; newer builds split the permission in
 * two): talking to the configured server is the app's whole job, so it must not be denied.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
  'local-network-access',
  'local-network',
  'loopback-network',
]);

export interface PermissionQuery {
  readonly permission: string;
  /** The URL (or origin) of the frame that asks; Electron omits it for some subframe checks. */
  readonly requestingUrl: string | undefined;
  readonly isMainFrame: boolean;
}

/** Default deny; only the small APP_PERMISSIONS list, only for our own UI's top frame. */
export function decidePermission(query: PermissionQuery): boolean {
  if (!query.isMainFrame) return false;
  if (!APP_PERMISSIONS.has(query.permission)) return false;
  // Checks pass an origin ("app://pchat"), requests a full URL: isAppUrl accepts both.
  return isAppUrl(query.requestingUrl);
}
