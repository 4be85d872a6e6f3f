// The outbox: every message the user sends is saved (platform.outbox: IndexedDB on the web,
// electron-store on the desktop) before it is emitted, and stays saved until the server has
// acknowledged it. After a reconnect or a restart the saved entries go out again, oldest first,
// with their original clientId: the server stores a (room, sender, clientId) once, so a resend
// after a lost ack returns the stored message instead of a copy. One send is in flight at a time,
// which keeps the user's messages in the order they were written.
import { MAX_OUTBOX_ENTRIES, outboxAccount, type OutboxEntry } from '../../common/outbox';
import type { ErrorCode } from '../../common/protocol';
import type { Platform } from '../platform/platform';
import type { ChatState, ChatStore } from './chat-store';
import type { PendingMessage } from './messages-slice';
import { retryDelayMs, shouldAutoRetry, type SendFailure } from './outbox-retry';
import { applyNewMessages, applyPending } from './reducers';
import { errorOf, type Requester } from './requester';

export interface OutboxOptions {
  now?: () => Date;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

function withoutPending(state: ChatState, roomId: string, clientId: string): Partial<ChatState> {
  const timeline = state.timelines[roomId];
  if (!timeline) return {};
  return { timelines: { ...state.timelines, [roomId]: { ...timeline, pending: timeline.pending.filter((p) => p.clientId !== clientId) } } };
}

function toPending(entry: OutboxEntry): PendingMessage {
  const { clientId, roomId, text, fileId, file, status, replyTo } = entry;
  const base: PendingMessage = fileId === undefined ? { clientId, roomId, text, file, status } : { clientId, roomId, text, fileId, file, status };
  return replyTo ? { ...base, replyTo } : base;
}

export class Outbox {
  /** Whose outbox this is; null until its saved entries are loaded (nothing is saved or sent before). */
  private account: string | null = null;
  private loading: string | null = null;
  /** By clientId; Map order is send order (oldest first). */
  private entries = new Map<string, OutboxEntry>();
  /** Entries waiting for a backoff timer: not sent before it fires (or the next reconnect). */
  private readonly waiting = new Map<string, unknown>();
  private pumping = false;
  private saving: Promise<void> = Promise.resolve();
  private readonly options: Required<OutboxOptions>;

  constructor(
    private readonly store: ChatStore,
    private readonly platform: Platform,
    private readonly request: Requester,
    options: OutboxOptions = {},
  ) {
    this.options = {
      now: options.now ?? (() => new Date()),
      random: options.random ?? Math.random,
      setTimer: options.setTimer ?? ((run, ms) => setTimeout(run, ms)),
      clearTimer: options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)),
    };
    // A message:new (or catch-up) carrying one of our clientIds settles that entry even when
    // its ack never came: nothing is left to resend.
    store.subscribe((state, previous) => {
      if (this.entries.size > 0 && state.timelines !== previous.timelines) this.settleStored(state);
    });
  }

  /** After each `session` event: loads this account's saved entries (once), then sends. */
  async attach(serverUrl: string, userId: string): Promise<void> {
    const account = outboxAccount(serverUrl, userId);
    if (this.loading === account) return;
    if (this.account !== account) {
      if (this.account !== null) this.detach();
      this.loading = account;
      let saved: OutboxEntry[] = [];
      try {
        saved = await this.platform.outbox.load(account);
      } catch {
        // Unreadable storage must not block sending; new messages are still saved from here on.
      }
      if (this.loading !== account) return;
      this.loading = null;
      // Saved entries are older than anything written while they were loading.
      const written = [...this.entries.values()];
      this.entries = new Map();
      for (const entry of [...saved].sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))) {
        this.entries.set(entry.clientId, entry);
        this.store.setState((s) => applyPending(s, toPending(entry)));
      }
      for (const entry of written) this.entries.set(entry.clientId, entry);
      this.account = account;
      this.settleStored(this.store.getState());
      await this.persist();
    }
    this.flush();
  }

  /** Forgets the in-memory outbox (sign-out, session ended); what is saved stays saved. */
  detach(): void {
    for (const timer of this.waiting.values()) this.options.clearTimer(timer);
    this.waiting.clear();
    this.entries = new Map();
    this.account = null;
    this.loading = null;
  }

  /**
   * Explicit sign-out (issue 9 #12): the unsent messages are dropped from storage too, so they do
   * not stay on a machine the user has left. An ended session keeps them (detach) for the next
   * sign-in. The server and user name the account when its saved entries were never loaded.
   */
  async forget(serverUrl: string, userId: string | undefined): Promise<void> {
    const account = this.account ?? this.loading ?? (userId === undefined ? null : outboxAccount(serverUrl, userId));
    this.detach();
    if (account === null) return;
    // A save already on its way must not land after the wipe.
    await this.saving;
    await this.platform.outbox.save(account, []).catch(() => undefined);
  }

  /** A new pending message (MessageSender made it): saved first, then sent. */
  async submit(roomId: string, clientId: string): Promise<void> {
    const pending = this.pendingOf(roomId, clientId);
    if (!pending) return;
    const entry: OutboxEntry = { ...pending, createdAt: this.options.now().toISOString(), attempts: 0 };
    this.entries.set(clientId, entry);
    await this.persist();
    this.pump();
  }

  /** The user's "Retry": a fresh series of automatic tries, same clientId. */
  retry(roomId: string, clientId: string): void {
    const entry = this.entries.get(clientId);
    const pending = this.pendingOf(roomId, clientId);
    if (!entry && !pending) return;
    const base: OutboxEntry = entry ?? { ...(pending as PendingMessage), createdAt: this.options.now().toISOString() };
    this.update({ ...base, status: 'sending', attempts: 0, lastError: undefined });
    this.cancelWait(clientId);
    this.pump();
  }

  /** The user's "Discard": gone from the screen and from storage, never sent. */
  discard(roomId: string, clientId: string): void {
    this.cancelWait(clientId);
    this.entries.delete(clientId);
    this.store.setState((s) => withoutPending(s, roomId, clientId));
    void this.persist();
  }

  /** On (re)connect: everything still "sending" goes out now, backoff timers or not. */
  flush(): void {
    for (const clientId of [...this.waiting.keys()]) this.cancelWait(clientId);
    this.pump();
  }

  private pendingOf(roomId: string, clientId: string): PendingMessage | undefined {
    return this.store.getState().timelines[roomId]?.pending.find((p) => p.clientId === clientId);
  }

  private cancelWait(clientId: string): void {
    const timer = this.waiting.get(clientId);
    if (timer !== undefined) this.options.clearTimer(timer);
    this.waiting.delete(clientId);
  }

  private update(entry: OutboxEntry): void {
    this.entries.set(entry.clientId, entry);
    this.store.setState((s) => applyPending(s, toPending(entry)));
    void this.persist();
  }

  private persist(): Promise<void> {
    const account = this.account;
    if (!account) return Promise.resolve();
    // Past the storage bound the newest entries are the ones worth keeping (hosts refuse more).
    const snapshot = [...this.entries.values()].slice(-MAX_OUTBOX_ENTRIES);
    // Saves are chained so an older snapshot can never land after a newer one.
    const done = this.saving.then(() => this.platform.outbox.save(account, snapshot));
    this.saving = done.catch(() => undefined);
    return done.catch(() => undefined);
  }

  private next(): OutboxEntry | undefined {
    for (const entry of this.entries.values()) {
      if (entry.status === 'sending' && !this.waiting.has(entry.clientId)) return entry;
    }
    return undefined;
  }

  /** Sends due entries one after the other while connected; a reconnect calls flush() again. */
  private pump(): void {
    if (this.pumping || !this.account) return;
    this.pumping = true;
    void (async () => {
      try {
        for (let entry = this.next(); entry && this.store.getState().status === 'connected'; entry = this.next()) {
          await this.attempt(entry);
        }
      } finally {
        this.pumping = false;
      }
    })();
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    const account = this.account;
    const { roomId, clientId, text, fileId, replyTo } = entry;
    const attempts = (entry.attempts ?? 0) + 1;
    this.entries.set(clientId, { ...entry, attempts });
    const body = { roomId, clientId, text, ...(fileId ? { fileId } : {}), ...(replyTo ? { replyToSeq: replyTo.seq } : {}) };
    const ack = await this.request('message:send', body);
    // Signed out (or another account) meanwhile: this answer is no longer ours to apply.
    if (this.account !== account || !this.entries.has(clientId)) return;
    if (ack?.ok) {
      this.entries.delete(clientId);
      this.store.setState((s) => applyNewMessages(s, roomId, [ack.message]));
      // A room we hold no timeline for (restored entry, room not open): settle it by hand.
      this.store.setState((s) => withoutPending(s, roomId, clientId));
      await this.persist();
      return;
    }
    this.failed({ ...entry, attempts }, ack ? ack.error.code : null);
  }

  private failed(entry: OutboxEntry, failure: SendFailure): void {
    const lastError: ErrorCode | 'timeout' = failure ?? 'timeout';
    if (shouldAutoRetry(failure, entry.attempts ?? 0)) {
      this.update({ ...entry, lastError });
      const timer = this.options.setTimer(() => {
        this.waiting.delete(entry.clientId);
        this.pump();
      }, retryDelayMs(entry.attempts ?? 1, this.options.random));
      this.waiting.set(entry.clientId, timer);
      return;
    }
    this.update({ ...entry, status: 'failed', lastError });
    if (failure) this.store.setState({ error: errorOf({ code: failure }) });
  }

  private settleStored(state: ChatState): void {
    const userId = state.user?.id;
    if (!userId) return;
    let changed = false;
    for (const entry of [...this.entries.values()]) {
      const messages = state.timelines[entry.roomId]?.messages ?? [];
      if (messages.some((m) => m.clientId === entry.clientId && m.senderId === userId)) {
        this.entries.delete(entry.clientId);
        this.cancelWait(entry.clientId);
        changed = true;
      }
    }
    if (changed) void this.persist();
  }
}
