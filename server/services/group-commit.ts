// Group commit (DESIGN §4b): sends that arrive while a write is running share the next
// transaction, so a burst costs one fsync rather than one per message; each send is answered only
// after the transaction holding it committed. Order is kept: batches are written one after another,
// and a batch's messages in the order they arrived.
import type { FileRef, Message } from '../domain';
import type { NewMessage, Storage } from '../storage/repositories';

interface Waiting {
  item: { message: NewMessage; file: FileRef | null };
  resolve: (result: { message: Message; created: boolean }) => void;
  reject: (error: unknown) => void;
}

/** Bounds one transaction, so a flood cannot build one that holds the store for long. */
const MAX_BATCH = 200;

export class GroupCommit {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(private readonly storage: Storage) {}

  insert(message: NewMessage, file: FileRef | null): Promise<{ message: Message; created: boolean }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item: { message, file }, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    // Let the sends that arrived in the same turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      await this.write(batch);
    }
    this.writing = false;
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const results = await this.storage.messages.insertBatch(batch.map((w) => w.item));
      batch.forEach((waiting, i) => waiting.resolve(results[i]!));
    } catch {
      // One bad message (or a clientId race with another server) must not fail its neighbours:
      // write them one by one, each answering for itself.
      for (const waiting of batch) {
        await this.storage.messages.insertIdempotent(waiting.item.message).then(waiting.resolve, waiting.reject);
      }
    }
  }
}
