// drafts:* channels: the renderer's window onto main/drafts-store.ts. The register helper has
// already checked the sender frame and parsed the drafts with common/drafts.ts's schema.
import type { DraftsStore } from '../drafts-store';
import { handle } from './register';

export function registerDraftsIpc(drafts: DraftsStore): void {
  handle('drafts:load', ([account]) => drafts.load(account));
  handle('drafts:save', ([account, map]) => drafts.save(account, map));
}
