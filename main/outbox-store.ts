// The desktop outbox: unacknowledged messages per account, in their own electron-store file
// (`<userData>/outbox.json`) so a large outbox never slows down reading the settings. Messages are
// not secrets the way tokens are (the server will store them anyway), so they are not encrypted.
import { type JsonStoreFile, openJsonStoreFile } from './json-store-file';
import { MAX_OUTBOX_ENTRIES, parseOutboxEntries, type OutboxEntry } from '../common/outbox';

/** Accounts kept at most; the least recently written goes first (people rarely use many). */
export const MAX_OUTBOX_ACCOUNTS = 20;

export interface OutboxDocument {
  version: 1;
  /** Account → entries, in insertion order = least recently written first. */
  accounts: Record<string, OutboxEntry[]>;
}

export type OutboxBackend = JsonStoreFile<OutboxDocument>;

function readDocument(raw: unknown): OutboxDocument {
  const accounts: Record<string, OutboxEntry[]> = {};
  if (typeof raw === 'object' && raw !== null && 'accounts' in raw) {
    const stored = raw.accounts;
    if (typeof stored === 'object' && stored !== null) {
      for (const [account, entries] of Object.entries(stored)) {
        const valid = parseOutboxEntries(entries);
        if (valid.length > 0) accounts[account] = valid;
      }
    }
  }
  return { version: 1, accounts };
}

export class OutboxStore {
  private data: OutboxDocument;

  constructor(private readonly backend: OutboxBackend) {
    this.data = readDocument(backend.read());
  }

  load(account: string): OutboxEntry[] {
    return [...(this.data.accounts[account] ?? [])];
  }

  /** Replaces the account's outbox; an empty list forgets the account. */
  save(account: string, entries: readonly OutboxEntry[]): void {
    const accounts = { ...this.data.accounts };
    delete accounts[account];
    if (entries.length > 0) accounts[account] = entries.slice(0, MAX_OUTBOX_ENTRIES);
    const names = Object.keys(accounts);
    for (const stale of names.slice(0, Math.max(0, names.length - MAX_OUTBOX_ACCOUNTS))) delete accounts[stale];
    this.data = { version: 1, accounts };
    this.backend.write(this.data);
  }
}

export function openOutboxStore(): OutboxStore {
  return new OutboxStore(openJsonStoreFile<OutboxDocument>('outbox'));
}
