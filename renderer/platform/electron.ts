// The desktop host: everything goes through the narrow `window.pchat` bridge the preload
// exposes (common/ipc.ts). Main keeps the settings (electron-store) and the token (safeStorage).
import type { PchatBridge } from '../../common/ipc';
import type { Platform } from './platform';

export function createElectronPlatform(bridge: PchatBridge): Platform {
  return {
    kind: 'electron',
    appVersion: () => bridge.appVersion(),
    loadSettings: async () => {
      const settings = await bridge.getSettings();
      return { serverUrl: settings.serverUrl, lastRoomId: settings.lastRoomId };
    },
    saveSettings: (patch) => bridge.setSettings(patch),
    loadToken: (serverUrl) => bridge.getToken(serverUrl),
    saveToken: (serverUrl, token) => bridge.setToken(serverUrl, token),
    openExternal: (url) => bridge.openExternal(url),
    outbox: {
      load: (account) => bridge.loadOutbox(account),
      save: (account, entries) => bridge.saveOutbox(account, [...entries]),
    },
    // A lost notification is not worth an error on screen.
    notify: (title, body) => void bridge.notify(title, body).catch(() => undefined),
    // Desktop notifications need no prompt.
    allowNotifications: () => undefined,
  };
}
