// Writes this server has started for a user and a read of that user's rows must not overtake:
// on PostgreSQL each runs on its own pooled connection, so a rooms:list asked just after a
// message was acknowledged (its mention rows) or a room joined (the invitation it answers) could
// otherwise read the store from before them. A failed write is reported by whoever started it;
// here it only stops being waited for.
const ignore = () => undefined;

export class PendingWrites {
  private readonly byUser = new Map<string, Set<Promise<void>>>();

  /** Counts `write` as pending for each of `userIds` until it settles. */
  add(userIds: readonly string[], write: Promise<unknown>): void {
    const settled = write.then(ignore, ignore);
    for (const userId of userIds) {
      let pending = this.byUser.get(userId);
      if (!pending) this.byUser.set(userId, (pending = new Set()));
      pending.add(settled);
    }
    void settled.then(() => {
      for (const userId of userIds) {
        const pending = this.byUser.get(userId);
        pending?.delete(settled);
        if (pending?.size === 0) this.byUser.delete(userId);
      }
    });
  }

  /** Resolves once every write pending for the user has settled (at once when there is none). */
  async settled(userId: string): Promise<void> {
    const pending = this.byUser.get(userId);
    if (pending) await Promise.all(pending);
  }
}
