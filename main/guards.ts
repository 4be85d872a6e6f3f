// The one place that guards every webContents the app ever creates (STYLE.md §4, DESIGN §5):
// our window, the add-in iframe inside it, and anything unexpected. Each rule is decided by a
// pure function in common/navigation-policy.ts; this file only wires those to Electron events.
import type { App, Session, WebContents } from 'electron';
import { shell } from 'electron';
import type { NavigationDecision } from '../common/navigation-policy';
import { decideFrameNavigation, decideMainFrameNavigation, decidePermission } from '../common/navigation-policy';
import { guardWindowOpen } from './window-open-guard';

/** Attaches the guards to every webContents, including ones created before any window. */
export function installGuards(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

function openExternally(decision: NavigationDecision): void {
  if (decision.action === 'deny' && decision.openExternally) openLink(decision.openExternally);
}

/** Only URLs the link policy passed (http/https/mailto, no credentials) get here. */
function openLink(url: string): void {
  shell.openExternal(url).catch((error: unknown) => { // eng-disable OPEN_EXTERNAL_JS_CHECK
    console.warn('[pchat] could not open the link in the browser:', error);
  });
}

export function guardWebContents(contents: WebContents): void {
  // Main frame: stay in the app; a web link that tries to replace the UI opens in the browser.
  contents.on('will-navigate', (details) => {
    const decision = decideMainFrameNavigation(details.url);
    if (decision.action === 'deny') {
      details.preventDefault();
      openExternally(decision);
    }
  });

  // Every frame, subframes included (the add-in iframe): only http/https there, app-only on top.
  // Nothing is opened externally here; will-navigate already did that for the main frame.
  contents.on('will-frame-navigate', (details) => {
    if (decideFrameNavigation(details.url, details.isMainFrame).action === 'deny') details.preventDefault();
  });

  // A server redirect is a navigation too: an http add-in must not bounce to file: or app:.
  contents.on('will-redirect', (details) => {
    if (decideFrameNavigation(details.url, details.isMainFrame).action === 'deny') details.preventDefault();
  });

  // No second Electron window, ever: popups and target=_blank links go to the system instead,
  // and only after a user gesture (else the user is asked first): window-open-guard.ts.
  guardWindowOpen(contents, openLink);

  // <webview> is disabled in webPreferences; refusing here also covers any that slip through.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  guardSession(contents.session);
}

const guardedSessions = new WeakSet<Session>();

/** Default-deny permissions, once per session (several webContents share one). */
export function guardSession(session: Session): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission({
      permission,
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
    }),
  );
  // USB / HID / serial devices: no page of ours needs one.
  session.setDevicePermissionHandler(() => false);
}
