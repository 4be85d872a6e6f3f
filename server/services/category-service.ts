// Categories (PROTOCOL.md §7, defaults of §9.3). A change to a category can change who sees its
// rooms and what they allow, so every room in it is announced as changed.
import { randomUUID } from 'node:crypto';
import type { Category } from '../domain';
import { AppError } from '../errors';
import type { CategoryRecord, Storage } from '../storage/repositories';
import type { DomainEventBus } from './events';
import type { RoomDirectory } from './room-directory';

export interface CategoryInput {
  name?: string;
  description?: string;
  allowedMembers?: string[];
  deniedMembers?: string[];
  creators?: string[];
  invitations?: boolean;
  fileUpload?: boolean;
  chatHistory?: boolean;
  messageEdits?: boolean;
}

export function toCategory(record: CategoryRecord): Category {
  const { id, name, description, invitations, fileUpload, chatHistory, messageEdits } = record;
  return { id, name, description, invitations, fileUpload, chatHistory, messageEdits };
}

export class CategoryService {
  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    private readonly directory: RoomDirectory,
  ) {}

  list(): Promise<CategoryRecord[]> {
    return Promise.resolve(this.directory.allCategories());
  }

  get(id: string): Promise<CategoryRecord> {
    const record = this.directory.category(id);
    if (!record) return Promise.reject(new AppError('not_found', 'no such category'));
    return Promise.resolve(record);
  }

  async create(input: CategoryInput & { name: string }): Promise<CategoryRecord> {
    await this.assertNameFree(input.name);
    const record: CategoryRecord = {
      id: randomUUID(),
      name: input.name,
      description: input.description ?? '',
      allowedMembers: input.allowedMembers ?? ['*'],
      deniedMembers: input.deniedMembers ?? [],
      creators: input.creators ?? [],
      invitations: input.invitations ?? true,
      fileUpload: input.fileUpload ?? true,
      chatHistory: input.chatHistory ?? true,
      messageEdits: input.messageEdits ?? true,
    };
    await this.storage.categories.create(record, new Date().toISOString());
    this.directory.putCategory(record);
    this.events.emit('category:changed', record.id);
    return record;
  }

  async update(id: string, patch: CategoryInput): Promise<CategoryRecord> {
    const current = await this.get(id);
    if (patch.name !== undefined && patch.name !== current.name) await this.assertNameFree(patch.name);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CategoryInput;
    const next: CategoryRecord = { ...current, ...defined };
    await this.storage.categories.update(next);
    const before = this.directory.roomIdsInCategory(id).map((roomId) => [roomId, this.directory.context(roomId)] as const);
    this.directory.putCategory(next);
    this.events.emit('category:changed', id);
    for (const [roomId, previous] of before) this.events.emit('room:changed', roomId, previous);
    return next;
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.storage.categories.findByName(name)) throw new AppError('conflict', `a category named ${name} exists`);
  }
}
