// Add-ins: a name and an http/https URL (the one URL policy of common/url-policy.ts).
import { randomUUID } from 'node:crypto';
import { isAllowedWebUrl } from '../../common/url-policy';
import type { Addin } from '../domain';
import { AppError } from '../errors';
import type { Storage } from '../storage/repositories';
import type { DomainEventBus } from './events';
import type { RoomDirectory } from './room-directory';

export class AddinService {
  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    private readonly directory: RoomDirectory,
  ) {}

  list(): Promise<Addin[]> {
    return this.storage.addins.list();
  }

  async create(input: { name: string; url: string }): Promise<Addin> {
    assertUrl(input.url);
    if (await this.storage.addins.findByName(input.name)) throw new AppError('conflict', `an add-in named ${input.name} exists`);
    const addin: Addin = { id: randomUUID(), name: input.name, url: input.url };
    await this.storage.addins.create(addin, new Date().toISOString());
    this.directory.putAddin(addin);
    this.events.emit('addin:changed', addin.id);
    return addin;
  }

  async update(id: string, patch: { name?: string; url?: string }): Promise<Addin> {
    const current = await this.storage.addins.get(id);
    if (!current) throw new AppError('not_found', 'no such add-in');
    if (patch.url !== undefined) assertUrl(patch.url);
    if (patch.name !== undefined && patch.name !== current.name && (await this.storage.addins.findByName(patch.name))) {
      throw new AppError('conflict', `an add-in named ${patch.name} exists`);
    }
    const next: Addin = { id, name: patch.name ?? current.name, url: patch.url ?? current.url };
    await this.storage.addins.update(next);
    this.directory.putAddin(next);
    this.events.emit('addin:changed', id);
    this.announceRoomsUsing(id);
    return next;
  }

  async delete(id: string): Promise<void> {
    const users = this.directory.roomIdsUsingAddin(id);
    if (!(await this.storage.addins.delete(id))) throw new AppError('not_found', 'no such add-in');
    this.directory.removeAddin(id);
    this.events.emit('addin:changed', id);
    // An add-in changes what a room shows, never who may see it.
    for (const roomId of users) this.events.emit('room:changed', roomId, this.directory.context(roomId));
  }

  private announceRoomsUsing(addinId: string): void {
    for (const roomId of this.directory.roomIdsUsingAddin(addinId)) this.events.emit('room:changed', roomId, this.directory.context(roomId));
  }
}

function assertUrl(url: string): void {
  if (!isAllowedWebUrl(url)) throw new AppError('bad_request', 'an add-in URL must be an http or https URL');
}
