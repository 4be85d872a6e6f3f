// Registers every IPC channel of common/ipc.ts once, at start-up (after app.ready).
import type { SettingsStore } from '../settings-store';
import { registerAppIpc } from './app';
import { registerExternalIpc } from './external';
import { registerSettingsIpc } from './settings';

export function registerIpc(store: SettingsStore): void {
  registerAppIpc();
  registerSettingsIpc(store);
  registerExternalIpc();
}
