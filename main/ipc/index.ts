// Registers every IPC channel of common/ipc.ts once, at start-up (after app.ready).
import { openOutboxStore, type OutboxStore } from '../outbox-store';
import type { SettingsStore } from '../settings-store';
import { openDraftsStore, type DraftsStore } from '../drafts-store';
import { registerAppIpc } from './app';
import { registerDraftsIpc } from './drafts';
import { registerExternalIpc } from './external';
import { registerNotifyIpc } from './notify';
import { registerOutboxIpc } from './outbox';
import { registerSettingsIpc } from './settings';

export function registerIpc(
  store: SettingsStore,
  outbox: OutboxStore = openOutboxStore(),
  drafts: DraftsStore = openDraftsStore(),
): void {
  registerAppIpc();
  registerSettingsIpc(store);
  registerExternalIpc();
  registerOutboxIpc(outbox);
  registerDraftsIpc(drafts);
  registerNotifyIpc();
}
