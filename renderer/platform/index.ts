// Picks the host once at start: Electron when the preload exposed `window.pchat`, else the web.
// Nothing else in the renderer asks which host it runs in.
import type { PchatBridge } from '../../common/ipc';
import { createElectronPlatform } from './electron';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

declare global {
  interface Window {
    pchat?: PchatBridge;
  }
}

export function pickPlatform(win: Window = window): Platform {
  return win.pchat ? createElectronPlatform(win.pchat) : createWebPlatform(win);
}

export type { ClientSettings, Platform } from './platform';
