// What the UI may ask of its host (STYLE.md §3). `electron.ts` and `web.ts` implement it; the
// app picks one at start (see ./index.ts) and components never check which one they run in.
import type { Drafts } from '../../common/drafts';
import type { OutboxEntry } from '../../common/outbox';

export interface ClientSettings {
  /** Base URL of the pchat server, e.g. "http://127.0.0.1:4100". */
  serverUrl: string;
  /** The room that was open last, reopened on start. */
  lastRoomId: string | null;
  /** Settings dialog: "system" follows prefers-color-scheme (the default). */
  theme: ThemeChoice;
  /** Settings dialog: null = never chosen, the system's languages decide. */
  language: 'en' | 'fr' | null;
  /** Settings dialog: notify mentions / keyword-alert matches (when the host can notify). */
  notifyMentions: boolean;
  notifyAlerts: boolean;
}

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** What a fresh install starts with, beside the host's own server default. */
export const DEFAULT_PREFERENCES = {
  theme: 'system',
  language: null,
  notifyMentions: true,
  notifyAlerts: true,
} as const satisfies Pick<ClientSettings, 'theme' | 'language' | 'notifyMentions' | 'notifyAlerts'>;

/** Where unacknowledged messages wait across restarts, per account (`serverUrl|userId`). */
export interface OutboxPersistence {
  load(account: string): Promise<OutboxEntry[]>;
  /** Replaces the account's list; an empty list forgets it. */
  save(account: string, entries: readonly OutboxEntry[]): Promise<void>;
}

/** Composer drafts per account (`serverUrl|userId`): room id → unsent text (common/drafts.ts). */
export interface DraftPersistence {
  load(account: string): Promise<Drafts>;
  /** Replaces the account's drafts; an empty map forgets them. */
  save(account: string, drafts: Drafts): Promise<void>;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  appVersion(): Promise<string>;
  /** Settings with defaults filled in (web: serverUrl defaults to the page's own origin). */
  loadSettings(): Promise<ClientSettings>;
  saveSettings(patch: Partial<ClientSettings>): Promise<void>;
  /** The session token for a server (desktop: encrypted with safeStorage), or null. */
  loadToken(serverUrl: string): Promise<string | null>;
  saveToken(serverUrl: string, token: string | null): Promise<void>;
  /** Opens an http/https URL in the user's browser; false when the policy refused it. */
  openExternal(url: string): Promise<boolean>;
  /** The outbox (web: IndexedDB; desktop: electron-store in main, over IPC). */
  readonly outbox: OutboxPersistence;
  /** Composer drafts (web: localStorage; desktop: electron-store in main, over IPC). */
  readonly drafts: DraftPersistence;
  /** Permalinks (PROTOCOL §11) the app is asked to open, as their path `/r/<roomId>/<seq>`: web,
   * the page's own address at start; desktop, `pchat://host[:port]/r/…` links main receives.
   * Returns the unsubscribe. */
  onPermalink(listener: (path: string) => void): () => void;
  /** Shows a notification (a mention, an alert match) when the host allows it; silently nothing
   * otherwise. `onClick` runs when the user clicks it (the app opens the room at the message). */
  notify(title: string, body: string, onClick?: () => void): void;
  /** The count on the dock/taskbar icon (total mentions); 0 clears it. Nothing where none exists. */
  setBadgeCount(count: number): void;
  /** Asks the user for permission to notify, where the host needs it (web). Call it only from a
   * user action: browsers ignore or penalise prompts that come out of nowhere. */
  allowNotifications(): void;
}
