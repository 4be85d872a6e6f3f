// The desktop's composer drafts: per account, room id → unsent text, in their own electron-store
// file (`<userData>/drafts.json`). Validated on the way in (IPC) and on the way back (the file).
import { parseDrafts, type Drafts } from '../common/drafts';
import { type JsonStoreFile, openJsonStoreFile } from './json-store-file';

/** Accounts kept at most; the least recently written goes first. */
export const MAX_DRAFT_ACCOUNTS = 20;

export interface DraftsDocument {
  version: 1;
  accounts: Record<string, Drafts>;
}

function readDocument(raw: unknown): DraftsDocument {
  const accounts: Record<string, Drafts> = {};
  if (typeof raw === 'object' && raw !== null && 'accounts' in raw && typeof raw.accounts === 'object' && raw.accounts !== null) {
    for (const [account, drafts] of Object.entries(raw.accounts)) {
      const valid = parseDrafts(drafts);
      if (Object.keys(valid).length > 0) accounts[account] = valid;
    }
  }
  return { version: 1, accounts };
}

export class DraftsStore {
  private data: DraftsDocument;

  constructor(private readonly backend: JsonStoreFile<DraftsDocument>) {
    this.data = readDocument(backend.read());
  }

  load(account: string): Drafts {
    return { ...(this.data.accounts[account] ?? {}) };
  }

  save(account: string, drafts: Drafts): void {
    const accounts = { ...this.data.accounts };
    delete accounts[account];
    if (Object.keys(drafts).length > 0) accounts[account] = { ...drafts };
    const names = Object.keys(accounts);
    for (const stale of names.slice(0, Math.max(0, names.length - MAX_DRAFT_ACCOUNTS))) delete accounts[stale];
    this.data = { version: 1, accounts };
    this.backend.write(this.data);
  }
}

export function openDraftsStore(): DraftsStore {
  return new DraftsStore(openJsonStoreFile<DraftsDocument>('drafts'));
}
