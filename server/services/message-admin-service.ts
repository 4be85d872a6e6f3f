// Administrators' message jobs (PROTOCOL.md §7): clear a room before a date, remove or rewrite
// matching messages. Removals are announced so open clients drop them at once, and the files
// those messages held go with them (§10), rewritten messages included (they lose their file).
import { AppError } from '../errors';
import type { MessageFilter, Storage } from '../storage/repositories';
import type { AttentionService } from './attention-service';
import type { DomainEventBus } from './events';
import type { FileService } from './file-service';

/** Dates arrive as ISO dates or date-times; stored times are UTC `toISOString()` strings. */
const instant = (value: string | undefined): string | undefined => (value === undefined ? undefined : new Date(value).toISOString());

export class MessageAdminService {
  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    private readonly files: FileService,
    /** A removed or rewritten message mentions nobody any more (it reports its own failures). */
    private readonly attention: Pick<AttentionService, 'removed'>,
  ) {}

  /** `by` is the administrator's user id, kept with each removal for the export (§11). */
  async clear(roomId: string, before: string, by: string): Promise<number> {
    return this.removeWhere(roomId, by, { before: instant(before) });
  }

  async remove(roomId: string, by: string, request: MessageFilter & { replaceWith?: string }): Promise<number> {
    const { replaceWith, ...filter } = request;
    return this.removeWhere(roomId, by, { ...filter, from: instant(filter.from), to: instant(filter.to) }, replaceWith);
  }

  private async removeWhere(roomId: string, by: string, filter: MessageFilter, replaceWith?: string): Promise<number> {
    if (!(await this.storage.rooms.get(roomId))) throw new AppError('not_found', 'no such room');
    const { seqs, fileIds } = await this.storage.messages.remove(roomId, filter, replaceWith);
    if (seqs.length > 0 && replaceWith === undefined) {
      // Only real removals leave a gap clients must close; the export records each (§11).
      this.events.emit('messages:removed', roomId, seqs);
      const removedAt = new Date().toISOString();
      await this.storage.messageActions.recordRemovals(seqs.map((seq) => ({ roomId, seq, removedAt, removedBy: by })));
    } else if (seqs.length > 0) {
      // A rewritten message keeps its place; open clients show the new text at once (§11).
      for (const message of await this.storage.messageActions.getMany(roomId, seqs)) this.events.emit('message:updated', message);
    }
    // A rewrite too: the text that named them is gone, and the administrator's replaces it unannounced.
    await this.attention.removed(roomId, seqs);
    await this.files.removeAttachments(fileIds);
    return seqs.length;
  }
}
