// outbox:* channels: the renderer's window onto main/outbox-store.ts. The register helper has
// already checked the sender frame and parsed the entries with common/outbox.ts's schema.
import type { OutboxStore } from '../outbox-store';
import { handle } from './register';

export function registerOutboxIpc(outbox: OutboxStore): void {
  handle('outbox:load', ([account]) => outbox.load(account));
  handle('outbox:save', ([account, entries]) => outbox.save(account, entries));
}
