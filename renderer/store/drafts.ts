// Composer drafts per room (issue 10): what the user typed and has not sent stays when they
// switch rooms (the store) and across restarts (platform.drafts, per account). Saving waits for a
// pause in typing so a keystroke never costs a write.
import { outboxAccount } from '../../common/outbox';
import { MAX_DRAFT_ROOMS, type Drafts as DraftMap } from '../../common/drafts';
import type { Platform } from '../platform/platform';
import type { ChatStore } from './chat-store';

const SAVE_DELAY_MS = 400;

export class Drafts {
  private account: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: ChatStore,
    private readonly platform: Platform,
  ) {}

  /** Loads the account's saved drafts (after sign-in / session start). */
  async attach(serverUrl: string, userId: string): Promise<void> {
    const account = outboxAccount(serverUrl, userId);
    if (this.account === account) return;
    this.account = account;
    const saved = await this.platform.drafts.load(account).catch((): DraftMap => ({}));
    if (this.account !== account) return;
    // Anything typed before the saved drafts came back wins over them.
    this.store.setState((s) => ({ drafts: { ...saved, ...s.drafts } }));
  }

  /** The store forgets on sign-out; what is saved stays for the account's next sign-in. */
  detach(): void {
    this.flush();
    this.account = null;
  }

  set(roomId: string, text: string): void {
    const current = this.store.getState().drafts;
    const kept = text.trim() === '' ? undefined : text;
    if (current[roomId] === kept) return;
    const drafts = { ...current };
    if (kept === undefined) delete drafts[roomId];
    else drafts[roomId] = kept;
    this.store.setState({ drafts });
    this.schedule();
  }

  /** Writes now (page hide, sign-out). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.account === null) return;
    const entries = Object.entries(this.store.getState().drafts).slice(-MAX_DRAFT_ROOMS);
    void this.platform.drafts.save(this.account, Object.fromEntries(entries)).catch(() => undefined);
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }
}
