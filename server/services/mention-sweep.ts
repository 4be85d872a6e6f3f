// Prunes mention rows nobody counts any more (docs/protocol.md "Attention, beyond §12"):
// rooms:list counts a user's mentions past their read marker, so rows at or below it are dead
// weight that only grows. Deleting them on room:read would put a query on the hot path (and the
// markers are written in batches anyway); instead a pass walks the table in pages off the hot
// path, judged against the stored markers (never ahead of what memory knows, so nothing unread
// goes). Each page is two statements bounded by the page size, and the pass yields to the event
// loop between pages, so sends and reads interleave with it (better-sqlite3 runs on this thread).
import type { AttentionRepository, MentionKey } from '../storage/attention-storage';

export interface MentionSweepOptions {
  /** Time between passes. */
  intervalMs: number;
  /** Time before the first pass (start-up has enough to do). */
  firstDelayMs: number;
  /** Rows looked at per page: the longest one statement runs. */
  pageSize: number;
}

export const DEFAULT_MENTION_SWEEP: MentionSweepOptions = { intervalMs: 10 * 60_000, firstDelayMs: 60_000, pageSize: 250 };

export interface SweepResult {
  scanned: number;
  deleted: number;
  pages: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One whole pass over the table, page by page; `stopping` ends it between pages. */
export async function sweepMentions(
  repository: Pick<AttentionRepository, 'pruneMentions'>,
  pageSize = DEFAULT_MENTION_SWEEP.pageSize,
  stopping: () => boolean = () => false,
): Promise<SweepResult> {
  const result: SweepResult = { scanned: 0, deleted: 0, pages: 0 };
  let after: MentionKey | null = null;
  do {
    const page = await repository.pruneMentions(after, pageSize);
    result.scanned += page.scanned;
    result.deleted += page.deleted;
    result.pages += 1;
    after = page.next;
    await nextTurn();
  } while (after !== null && !stopping());
  return result;
}

/**
 * Runs a pass after `firstDelayMs`, then every `intervalMs`, one at a time. The returned stop
 * ends a pass in flight at its next page and waits for it, so the store is not closed under it.
 */
export function startMentionSweep(
  repository: Pick<AttentionRepository, 'pruneMentions'>,
  onError: (error: unknown) => void,
  options: Partial<MentionSweepOptions> = {},
): () => Promise<void> {
  const { intervalMs, firstDelayMs, pageSize } = { ...DEFAULT_MENTION_SWEEP, ...options };
  let running: Promise<void> | undefined;
  let stopped = false;
  const pass = () => {
    if (stopped || running) return;
    running = sweepMentions(repository, pageSize, () => stopped)
      .then(() => undefined, onError)
      .finally(() => (running = undefined));
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    pass();
    interval = setInterval(pass, intervalMs);
    interval.unref();
  }, firstDelayMs);
  first.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(interval);
    await running;
  };
}
