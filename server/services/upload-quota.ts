// What one user may upload (PROTOCOL §10, issue 9 #7): at most `uploadsPerWindow` uploads in any
// `windowMs` (30 per 60 s), and at most `bytesPerDay` bytes stored in the last 24 h; beyond
// either → 429 rate_limited. Attempts are counted when admitted, before any byte is read, so
// parallel uploads cannot slip past the count. The window is per server process (like the socket
// rate limits); the byte budget is read from the database and so holds across servers.
import { AppError } from '../errors';
import type { FileRepository } from '../storage/repositories';

export interface UploadLimits {
  uploadsPerWindow: number;
  windowMs: number;
  /** Bytes a user may have uploaded (and still stored) over the last 24 h. */
  bytesPerDay: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  uploadsPerWindow: 30,
  windowMs: 60_000,
  bytesPerDay: 2 * 1024 ** 3,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export class UploadQuota {
  /** Per user, the times of the uploads admitted within the window, oldest first. */
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly files: FileRepository,
    private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one upload for the user, or throws rate_limited with the seconds until one is free. */
  async admit(userId: string): Promise<void> {
    const bytes = await this.files.bytesUploadedSince(userId, new Date(this.now() - DAY_MS).toISOString());
    if (bytes >= this.limits.bytesPerDay) {
      throw new AppError('rate_limited', 'you uploaded too much today; try again later', { retryAfterS: 3600 });
    }
    // Checked and counted in one synchronous step (after the await above), so concurrent
    // requests of one user each see the others' slots.
    const now = this.now();
    const times = this.live(userId, now);
    if (times.length >= this.limits.uploadsPerWindow) {
      const retryAfterS = Math.max(1, Math.ceil((times[0]! + this.limits.windowMs - now) / 1000));
      throw new AppError('rate_limited', 'too many uploads; slow down', { retryAfterS });
    }
    times.push(now);
    this.recent.set(userId, times);
  }

  /** Forgets users whose window is empty, so the map holds only recent uploaders. */
  prune(): void {
    const now = this.now();
    for (const userId of [...this.recent.keys()]) if (this.live(userId, now).length === 0) this.recent.delete(userId);
  }

  private live(userId: string, now: number): number[] {
    const times = this.recent.get(userId) ?? [];
    let drop = 0;
    while (drop < times.length && times[drop]! <= now - this.limits.windowMs) drop++;
    if (drop > 0) times.splice(0, drop);
    return times;
  }
}
