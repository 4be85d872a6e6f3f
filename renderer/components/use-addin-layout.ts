// Width and collapsed state of the add-in pane, remembered per room. This is a view preference,
// not chat data, so it stays out of the chat store (whose only writer is the socket bridge) and
// out of the Platform seam (which would need a new IPC setting for something harmless to lose):
// it lives in the renderer's own localStorage, which both hosts keep across restarts. A missing,
// corrupt or unavailable storage only means the defaults.
import { useEffect, useState } from 'react';

export const ADDIN_WIDTH = { min: 200, max: 720, default: 320, step: 16, page: 80 } as const;
const STORAGE_KEY = 'pchat.addinLayout';
/** Oldest rooms are forgotten beyond this, so the entry cannot grow without bound. */
const MAX_ROOMS = 200;

export interface AddinLayout {
  width: number;
  collapsed: boolean;
}

type LayoutMap = Record<string, AddinLayout>;

export function clampAddinWidth(width: number): number {
  if (!Number.isFinite(width)) return ADDIN_WIDTH.default;
  return Math.min(ADDIN_WIDTH.max, Math.max(ADDIN_WIDTH.min, Math.round(width)));
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be switched off by the user; the pane still works, it just forgets.
    return null;
  }
}

function readAll(): LayoutMap {
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const result: LayoutMap = {};
    for (const [roomId, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value !== 'object' || value === null) continue;
      const { width, collapsed } = value as Record<string, unknown>;
      if (typeof width !== 'number' || typeof collapsed !== 'boolean') continue;
      result[roomId] = { width: clampAddinWidth(width), collapsed };
    }
    return result;
  } catch {
    return {};
  }
}

export function loadAddinLayout(roomId: string): AddinLayout {
  return readAll()[roomId] ?? { width: ADDIN_WIDTH.default, collapsed: false };
}

export function saveAddinLayout(roomId: string, layout: AddinLayout): void {
  const all = readAll();
  // Re-inserted last, so the most recently used rooms survive the cap.
  delete all[roomId];
  all[roomId] = layout;
  const kept = Object.entries(all).slice(-MAX_ROOMS);
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Quota or disabled storage: keep working with the in-memory state.
  }
}

export function useAddinLayout(roomId: string): {
  layout: AddinLayout;
  setWidth: (width: number) => void;
  toggleCollapsed: () => void;
} {
  const [layout, setLayout] = useState(() => loadAddinLayout(roomId));
  useEffect(() => saveAddinLayout(roomId, layout), [roomId, layout]);
  return {
    layout,
    setWidth: (width) => setLayout((current) => ({ ...current, width: clampAddinWidth(width) })),
    toggleCollapsed: () => setLayout((current) => ({ ...current, collapsed: !current.collapsed })),
  };
}
