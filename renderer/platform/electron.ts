// The desktop host: everything goes through the narrow `window.pchat` bridge the preload
// exposes (common/ipc.ts). Main keeps the settings (electron-store) and the token (safeStorage).
import type { PchatBridge } from '../../common/ipc';
import type { Platform } from './platform';

/** How many clicked-notification callbacks are kept: older notifications are long gone. */
const MAX_PENDING_CLICKS = 50;

export function createElectronPlatform(bridge: PchatBridge): Platform {
  // A click comes back from main as the tag we sent; the callback stays here, in the page.
  const clicks = new Map<string, () => void>();
  let nextTag = 0;
  let listening = false;
  // Subscribed with the first clickable notification, not at start-up.
  const listen = () => {
    if (listening) return;
    listening = true;
    bridge.onNotificationClick((tag) => {
      const onClick = clicks.get(tag);
      clicks.delete(tag);
      onClick?.();
    });
  };
  return {
    kind: 'electron',
    appVersion: () => bridge.appVersion(),
    loadSettings: () => bridge.getSettings(),
    saveSettings: (patch) => bridge.setSettings(patch),
    loadToken: (serverUrl) => bridge.getToken(serverUrl),
    saveToken: (serverUrl, token) => bridge.setToken(serverUrl, token),
    openExternal: (url) => bridge.openExternal(url),
    outbox: {
      load: (account) => bridge.loadOutbox(account),
      save: (account, entries) => bridge.saveOutbox(account, [...entries]),
    },
    drafts: {
      load: (account) => bridge.loadDrafts(account),
      save: (account, drafts) => bridge.saveDrafts(account, drafts),
    },
    onPermalink: (listener) => bridge.onPermalink(listener),
    // A lost notification is not worth an error on screen.
    notify: (title, body, onClick) => {
      if (!onClick) {
        void bridge.notify(title, body).catch(() => undefined);
        return;
      }
      listen();
      const tag = `n${(nextTag += 1)}`;
      clicks.set(tag, onClick);
      if (clicks.size > MAX_PENDING_CLICKS) clicks.delete(clicks.keys().next().value ?? tag);
      void bridge.notify(title, body, tag).catch(() => undefined);
    },
    setBadgeCount: (count) => void bridge.setBadgeCount(count).catch(() => undefined),
    // Desktop notifications need no prompt.
    allowNotifications: () => undefined,
  };
}
