// Keeps one message at the same place on screen while older messages are inserted above it.
// Positions come from the DOM after each commit, not from the virtualiser's estimates, so the
// correction stays right while freshly inserted rows are measured (which moves them again).
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

interface Anchor {
  key: string;
  offset: number;
  until: number;
}

const HOLD_MS = 1500;

function rowTop(scroller: HTMLElement, key: string): number | null {
  const row = scroller.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(key)}"]`);
  if (!row) return null;
  return row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
}

/** The first row whose bottom is below the top edge of the scroller. */
function firstVisibleRow(scroller: HTMLElement): { key: string; offset: number } | null {
  const top = scroller.getBoundingClientRect().top;
  let best: { key: string; offset: number } | null = null;
  for (const row of scroller.querySelectorAll<HTMLElement>('[data-row-key]')) {
    const rect = row.getBoundingClientRect();
    if (rect.bottom <= top) continue;
    const offset = rect.top - top;
    if (!best || offset < best.offset) best = { key: row.dataset.rowKey ?? '', offset };
  }
  return best;
}

function correct(scroller: HTMLElement | null, anchor: Anchor): void {
  if (!scroller) return;
  const top = rowTop(scroller, anchor.key);
  if (top !== null && Math.abs(top - anchor.offset) >= 1) scroller.scrollTop += top - anchor.offset;
}

export function useScrollAnchor(scrollRef: RefObject<HTMLElement | null>) {
  const captured = useRef<{ key: string; offset: number } | null>(null);
  const active = useRef<Anchor | null>(null);

  /** Remembers what the reader is looking at (call on scroll and before loading older rows). */
  const capture = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller || active.current) return;
    captured.current = firstVisibleRow(scroller);
  }, [scrollRef]);

  /** Rows were inserted above: from now on, hold the captured row where it was. */
  const hold = useCallback(() => {
    if (!captured.current) return;
    active.current = { ...captured.current, until: Date.now() + HOLD_MS };
    correct(scrollRef.current, active.current);
  }, [scrollRef]);

  /** The reader moved on purpose (wheel, touch, keys): stop holding. */
  const release = useCallback(() => {
    active.current = null;
  }, []);

  // Runs after every commit: a row measured taller or shorter moves the anchor again.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const anchor = active.current;
    if (!scroller || !anchor) return;
    if (Date.now() > anchor.until) active.current = null;
    else correct(scroller, anchor);
  });

  const isHolding = useCallback(() => active.current !== null, []);

  return { capture, hold, release, isHolding };
}
