// settings:* and token:* channels: the renderer's window onto main/settings-store.ts.
import type { SettingsStore } from '../settings-store';
import { handle } from './register';

export function registerSettingsIpc(store: SettingsStore): void {
  handle('settings:get', () => store.getClientSettings());
  handle('settings:set', ([patch]) => store.setClientSettings(patch));
  handle('token:get', ([serverUrl]) => store.getToken(serverUrl));
  handle('token:set', ([serverUrl, token]) => store.setToken(serverUrl, token));
}
