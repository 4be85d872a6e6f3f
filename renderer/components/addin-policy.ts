// The add-in pane's security decisions, as pure functions so unit tests can pin each one down
// (DESIGN.md §1 item 4, §2; PROTOCOL.md §6). The URL check is the shared policy of common/; this
// file only decides what to do with its answer.
import type { Addin } from '../../common/protocol';
import { isAllowedWebUrl, originOf } from '../../common/url-policy';

/**
 * Sandbox tokens every add-in frame gets. Each one is a deliberate choice:
 * - allow-scripts: an add-in is an interactive page; without scripts it could not even listen
 *   for our messages.
 * - allow-forms: lets an add-in have its own search box or settings form. Submitting one only
 *   navigates the add-in's own frame.
 * - allow-popups: lets an add-in open a link in a new window (desktop: main sends http/https to
 *   the system browser and denies everything else). Popups inherit this sandbox because
 *   allow-popups-to-escape-sandbox is never given.
 * Never given: allow-top-navigation* (no navigation of the app), allow-modals (an alert() loop
 * would freeze the chat UI), allow-downloads, allow-pointer-lock, allow-presentation,
 * allow-orientation-lock, allow-storage-access-by-user-activation, allow-popups-to-escape-sandbox.
 */
export const ADDIN_BASE_SANDBOX = ['allow-scripts', 'allow-forms', 'allow-popups'] as const;

/**
 * Only for an add-in on another origin: it keeps its own origin (so postMessage with
 * targetOrigin = its origin reaches it, and it may use its own storage). The same-origin policy
 * still keeps it out of our document and storage. On our own origin this token together with
 * allow-scripts would let the frame script our page and remove its own sandbox, so it is never
 * given there.
 */
export const ADDIN_SAME_ORIGIN_TOKEN = 'allow-same-origin';

export type AddinFrameDecision =
  /** Not an http/https URL: explain, render no frame at all. */
  | { kind: 'blocked' }
  /** On the app's own origin: an opaque-origin frame that gets no messages (none can reach it without "*"). */
  | { kind: 'isolated'; url: string; sandbox: string }
  /** On another origin: its own origin, and the PROTOCOL.md §6 messages to exactly that origin. */
  | { kind: 'bridged'; url: string; origin: string; sandbox: string };

export function decideAddinFrame(addin: Pick<Addin, 'url'>, appOrigin: string): AddinFrameDecision {
  if (!isAllowedWebUrl(addin.url)) return { kind: 'blocked' };
  const origin = originOf(addin.url);
  if (origin === null) return { kind: 'blocked' };
  if (origin === appOrigin) return { kind: 'isolated', url: addin.url, sandbox: ADDIN_BASE_SANDBOX.join(' ') };
  return { kind: 'bridged', url: addin.url, origin, sandbox: [...ADDIN_BASE_SANDBOX, ADDIN_SAME_ORIGIN_TOKEN].join(' ') };
}

/**
 * The only message an add-in may send that we act on: `{ type: "pchat:ready" }` asks for the
 * context again (for add-ins whose listener starts after their load event). Its only effect is a
 * message back to the add-in's own origin, so it cannot change anything in the app.
 */
export function isReadyRequest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'pchat:ready';
}

/** Whether a `message` event comes from this add-in's frame and origin; all others are ignored. */
export function isFromAddin(
  event: Pick<MessageEvent, 'source' | 'origin'>,
  frameWindow: Window | null | undefined,
  addinOrigin: string,
): boolean {
  return frameWindow != null && event.source === frameWindow && event.origin === addinOrigin;
}
