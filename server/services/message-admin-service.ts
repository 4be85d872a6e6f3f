// Administrators' message jobs (PROTOCOL.md §7): clear a room before a date, remove or rewrite
// matching messages. Removals are announced so open clients drop them at once, and the files
// those messages held go with them (§10), rewritten messages included (they lose their file).
import { AppError } from '../errors';
import type { MessageFilter, Storage } from '../storage/repositories';
import type { DomainEventBus } from './events';
import type { FileService } from './file-service';

/** Dates arrive as ISO dates or date-times; stored times are UTC `toISOString()` strings. */
const instant = (value: string | undefined): string | undefined => (value === undefined ? undefined : new Date(value).toISOString());

export class MessageAdminService {
  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    private readonly files: FileService,
  ) {}

  async clear(roomId: string, before: string): Promise<number> {
    return this.removeWhere(roomId, { before: instant(before) });
  }

  async remove(roomId: string, request: MessageFilter & { replaceWith?: string }): Promise<number> {
    const { replaceWith, ...filter } = request;
    return this.removeWhere(roomId, { ...filter, from: instant(filter.from), to: instant(filter.to) }, replaceWith);
  }

  private async removeWhere(roomId: string, filter: MessageFilter, replaceWith?: string): Promise<number> {
    if (!(await this.storage.rooms.get(roomId))) throw new AppError('not_found', 'no such room');
    const { seqs, fileIds } = await this.storage.messages.remove(roomId, filter, replaceWith);
    // A rewritten message keeps its place; only real removals leave a gap clients must close.
    if (replaceWith === undefined && seqs.length > 0) this.events.emit('messages:removed', roomId, seqs);
    await this.files.removeAttachments(fileIds);
    return seqs.length;
  }
}
