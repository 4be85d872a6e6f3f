// window.open and target=_blank from any frame of a webContents, the add-in iframe included
// (issue 9 #8: an add-in's `window.open` on load reached shell.openExternal with no user gesture).
// Electron's window-open details carry no user-gesture flag, so main keeps its own: the time of
// the last click or key press that reached this webContents ('input-event' for mouse and touch,
// 'before-input-event' for keys, which also covers subframes). One gesture opens one link at
// once; a link without a fresh gesture is offered in a dialog, one at a time, and after a
// "Cancel" that page's offers are dropped for a while. The decision itself is
// decideWindowOpen in common/navigation-policy.ts.
import type { WebContents } from 'electron';
import { BrowserWindow, app, dialog } from 'electron';
import { decideWindowOpen, isActivatingInput } from '../common/navigation-policy';

/** After the user declines a link offered without a gesture, that page's offers are dropped this long. */
export const DECLINED_QUIET_MS = 30_000;

const TEXT = {
  en: { message: 'Open this link in your browser?', detail: 'A page in pchat wants to open:', open: 'Open in browser', cancel: 'Cancel' },
  fr: { message: 'Ouvrir ce lien dans votre navigateur ?', detail: 'Une page dans pchat veut ouvrir :', open: 'Ouvrir dans le navigateur', cancel: 'Annuler' },
};

/** Asks the user; resolves true for "Open". */
async function confirmLink(contents: WebContents, url: string): Promise<boolean> {
  const text = app.getLocale().toLowerCase().startsWith('fr') ? TEXT.fr : TEXT.en;
  const options = {
    type: 'question' as const,
    buttons: [text.open, text.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: text.message,
    detail: `${text.detail}\n${url}`,
  };
  const window = BrowserWindow.fromWebContents(contents);
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}

/**
 * Installs the window-open handler of `contents`. `openExternally` hands a URL the policy passed
 * to the system (guards.ts owns the shell call); nothing here ever opens an Electron window.
 */
export function guardWindowOpen(contents: WebContents, openExternally: (url: string) => void, now: () => number = Date.now): void {
  let lastGestureAt: number | null = null;
  let asking = false;
  let quietUntil = 0;
  contents.on('input-event', (_event, input) => {
    if (isActivatingInput(input.type)) lastGestureAt = now();
  });
  contents.on('before-input-event', (_event, input) => {
    if (isActivatingInput(input.type)) lastGestureAt = now();
  });

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, { lastAt: lastGestureAt, now: now() });
    if (decision.action === 'deny' && decision.openExternally) {
      // One gesture, one link: Chromium uses up a user activation the same way.
      lastGestureAt = null;
      openExternally(decision.openExternally);
    } else if (decision.action === 'deny' && decision.askFirst && !asking && now() >= quietUntil) {
      asking = true;
      const offered = decision.askFirst;
      confirmLink(contents, offered).then(
        (open) => {
          asking = false;
          if (open) openExternally(offered);
          else quietUntil = now() + DECLINED_QUIET_MS;
        },
        (error: unknown) => {
          asking = false;
          console.warn('[pchat] could not ask about a link:', error);
        },
      );
    } else {
      console.warn('[pchat] refused to open a window:', url);
    }
    return { action: 'deny' };
  });
}
