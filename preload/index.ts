// The whole of what our UI gets from Electron: `window.pchat`, one line per IPC channel
// (STYLE.md §2). Never expose ipcRenderer, a generic invoke/send, or anything taking a channel
// name from the page. Built as CommonJS (out/preload/index.cjs): sandboxed preloads require it.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcArgs, IpcChannel, IpcResults, PchatBridge } from '../common/ipc';

// Typed against common/ipc.ts so a wrong channel or argument fails to compile. Type-only
// imports: a sandboxed preload must stay tiny, so zod and the schemas are not bundled in.
function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResults[C]> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResults[C]>;
}

const bridge: PchatBridge = {
  appVersion: () => invoke('app:version'),
  getSettings: () => invoke('settings:get'),
  setSettings: (patch) => invoke('settings:set', patch),
  getToken: (serverUrl) => invoke('token:get', serverUrl),
  setToken: (serverUrl, token) => invoke('token:set', serverUrl, token),
  openExternal: (url) => invoke('external:open', url),
  loadOutbox: (account) => invoke('outbox:load', account),
  saveOutbox: (account, entries) => invoke('outbox:save', account, entries),
  loadDrafts: (account) => invoke('drafts:load', account),
  saveDrafts: (account, drafts) => invoke('drafts:save', account, drafts),
  notify: (title, body, tag) => (tag === undefined ? invoke('notify', title, body) : invoke('notify', title, body, tag)),
  setBadgeCount: (count) => invoke('badge:set', count),
  onNotificationClick: (listener) => {
    // Only the tag crosses over, never the IpcRendererEvent (it would hand the page ipcRenderer).
    const wrapped = (_event: unknown, tag: unknown) => {
      if (typeof tag === 'string') listener(tag);
    };
    ipcRenderer.on('notify:clicked', wrapped);
    return () => {
      ipcRenderer.removeListener('notify:clicked', wrapped);
    };
  },
  onPermalink: (listener) => {
    const wrapped = (_event: unknown, path: unknown) => {
      if (typeof path === 'string') listener(path);
    };
    ipcRenderer.on('permalink:open', wrapped);
    return () => {
      ipcRenderer.removeListener('permalink:open', wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('pchat', bridge);
