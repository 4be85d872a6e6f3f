// The typed IPC channel map (STYLE.md §1): each channel's argument and result, and the shape of
// the `window.pchat` bridge the preload exposes. Only main/ipc/* and preload/ touch ipcMain /
// ipcRenderer; the renderer sees only PchatBridge.
import { z } from 'zod';
import { draftsSchema, type Drafts } from './drafts';
import { outboxAccountSchema, outboxEntriesSchema, type OutboxEntry } from './outbox';

export const clientSettingsSchema = z.object({
  serverUrl: z.string().max(2000),
  lastRoomId: z.string().max(200).nullable(),
  // The Settings dialog (DESIGN §1b): theme, language (null = follow the system), notifications.
  theme: z.enum(['system', 'light', 'dark']),
  language: z.enum(['en', 'fr']).nullable(),
  notifyMentions: z.boolean(),
  notifyAlerts: z.boolean(),
});

/** Longest permalink path main hands to the renderer (`/r/<roomId>/<seq>`). */
export const PERMALINK_PATH_MAX = 500;

/** Longest notification tag: the renderer's own key for what a click should open. */
export const NOTIFICATION_TAG_MAX = 200;

export const ipcChannels = {
  'app:version': { args: z.tuple([]) },
  'settings:get': { args: z.tuple([]) },
  'settings:set': { args: z.tuple([clientSettingsSchema.partial().strict()]) },
  'token:get': { args: z.tuple([z.string().max(2000)]) },
  'token:set': { args: z.tuple([z.string().max(2000), z.string().max(500).nullable()]) },
  'external:open': { args: z.tuple([z.string().max(4000)]) },
  'outbox:load': { args: z.tuple([outboxAccountSchema]) },
  'outbox:save': { args: z.tuple([outboxAccountSchema, outboxEntriesSchema]) },
  // Composer drafts per account (common/drafts.ts), kept by main in electron-store.
  'drafts:load': { args: z.tuple([outboxAccountSchema]) },
  'drafts:save': { args: z.tuple([outboxAccountSchema, draftsSchema]) },
  // A desktop notification (a mention, an alert match): title and body are plain text, bounded
  // like a message; the optional tag comes back on `notify:clicked` when the user clicks it.
  notify: { args: z.tuple([z.string().max(300), z.string().max(8000), z.string().min(1).max(NOTIFICATION_TAG_MAX).optional()]) },
  // The dock/taskbar badge: the total of unread mentions (0 clears it).
  'badge:set': { args: z.tuple([z.number().int().min(0).max(1_000_000)]) },
} as const;

export type IpcChannel = keyof typeof ipcChannels;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]['args']>;

export interface IpcResults {
  'app:version': string;
  'settings:get': z.infer<typeof clientSettingsSchema>;
  'settings:set': void;
  'token:get': string | null;
  'token:set': void;
  'external:open': boolean;
  'outbox:load': OutboxEntry[];
  'outbox:save': void;
  'drafts:load': Drafts;
  'drafts:save': void;
  notify: void;
  'badge:set': void;
}

/** main → renderer pushes (webContents.send); the preload turns each into an onX listener. */
export const ipcPushes = {
  'notify:clicked': z.tuple([z.string().min(1).max(NOTIFICATION_TAG_MAX)]),
  // A pchat://host[:port]/r/<roomId>/<seq> link the OS handed to the app: its path (issue 10).
  'permalink:open': z.tuple([z.string().min(1).max(PERMALINK_PATH_MAX)]),
} as const;

/** The API the preload exposes as `window.pchat` (one-line methods, nothing generic). */
export interface PchatBridge {
  appVersion(): Promise<string>;
  getSettings(): Promise<IpcResults['settings:get']>;
  setSettings(patch: Partial<IpcResults['settings:get']>): Promise<void>;
  getToken(serverUrl: string): Promise<string | null>;
  setToken(serverUrl: string, token: string | null): Promise<void>;
  openExternal(url: string): Promise<boolean>;
  /** The account's unacknowledged messages (common/outbox.ts), kept by main in electron-store. */
  loadOutbox(account: string): Promise<OutboxEntry[]>;
  saveOutbox(account: string, entries: OutboxEntry[]): Promise<void>;
  /** The account's composer drafts (room id → text), kept by main in electron-store. */
  loadDrafts(account: string): Promise<Drafts>;
  saveDrafts(account: string, drafts: Drafts): Promise<void>;
  /** Shows a desktop notification (main uses Electron's Notification); `tag` returns on click. */
  notify(title: string, body: string, tag?: string): Promise<void>;
  /** Sets the dock/taskbar badge count (app.setBadgeCount). */
  setBadgeCount(count: number): Promise<void>;
  /** Calls `listener` with the tag of a clicked notification; returns the unsubscribe. */
  onNotificationClick(listener: (tag: string) => void): () => void;
  /** Calls `listener` with the path of each pchat:// permalink main receives; returns the unsubscribe. */
  onPermalink(listener: (path: string) => void): () => void;
}
