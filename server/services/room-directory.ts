// The in-memory view of rooms, categories and add-ins (DESIGN §4b): every send, read, join and
// listing is answered from here instead of reloading three tables. The services that change
// these records update the directory right after their write; other servers sharing the store
// are told through the cluster link and reload just the records named (server/socket/cluster-sync.ts).
// The database stays the truth: `load()` rebuilds everything from it.
import type { Addin } from '../domain';
import type { CategoryRecord, RoomRecord, Storage } from '../storage/repositories';
import type { RoomContext } from './room-views';

export class RoomDirectory {
  private rooms = new Map<string, RoomRecord>();
  private categories = new Map<string, CategoryRecord>();
  private addins = new Map<string, Addin>();
  /** Built on demand and dropped on any change: listings and fan-out reuse one array. */
  private allCache: RoomContext[] | null = null;
  private readonly contextCache = new Map<string, RoomContext>();

  constructor(private readonly storage: Storage) {}

  async load(): Promise<void> {
    const [rooms, categories, addins] = await Promise.all([this.storage.rooms.list(), this.storage.categories.list(), this.storage.addins.list()]);
    this.rooms = new Map(rooms.map((r) => [r.id, r]));
    this.categories = new Map(categories.map((c) => [c.id, c]));
    this.addins = new Map(addins.map((a) => [a.id, a]));
    this.changed();
  }

  /** The room with its category and add-in, without any access check. */
  context(roomId: string): RoomContext | undefined {
    const cached = this.contextCache.get(roomId);
    if (cached) return cached;
    const room = this.rooms.get(roomId);
    const category = room && this.categories.get(room.categoryId);
    if (!room || !category) return undefined;
    const context: RoomContext = { room, category, addin: room.addinId === null ? null : (this.addins.get(room.addinId) ?? null) };
    this.contextCache.set(roomId, context);
    return context;
  }

  /** Every room with its category, sorted by name (as the store lists them). */
  all(): readonly RoomContext[] {
    this.allCache ??= [...this.rooms.values()]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((room) => this.context(room.id) ?? []);
    return this.allCache;
  }

  category(id: string): CategoryRecord | undefined {
    return this.categories.get(id);
  }

  allCategories(): CategoryRecord[] {
    return [...this.categories.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  addin(id: string): Addin | undefined {
    return this.addins.get(id);
  }

  roomIdsInCategory(categoryId: string): string[] {
    return [...this.rooms.values()].filter((r) => r.categoryId === categoryId).map((r) => r.id);
  }

  roomIdsUsingAddin(addinId: string): string[] {
    return [...this.rooms.values()].filter((r) => r.addinId === addinId).map((r) => r.id);
  }

  putRoom(room: RoomRecord): void {
    this.rooms.set(room.id, room);
    this.changed();
  }

  removeRoom(roomId: string): void {
    if (this.rooms.delete(roomId)) this.changed();
  }

  putCategory(category: CategoryRecord): void {
    this.categories.set(category.id, category);
    this.changed();
  }

  putAddin(addin: Addin): void {
    this.addins.set(addin.id, addin);
    this.changed();
  }

  removeAddin(addinId: string): void {
    // The store nulls the rooms' references (ON DELETE SET NULL); mirror that here.
    if (!this.addins.delete(addinId)) return;
    for (const room of this.rooms.values()) if (room.addinId === addinId) this.rooms.set(room.id, { ...room, addinId: null });
    this.changed();
  }

  /** Another server changed a room: read it (and what it points at) again from the store. */
  async reloadRoom(roomId: string): Promise<void> {
    const room = await this.storage.rooms.get(roomId);
    if (!room) return this.removeRoom(roomId);
    const [category, addin] = await Promise.all([
      this.storage.categories.get(room.categoryId),
      room.addinId === null ? undefined : this.storage.addins.get(room.addinId),
    ]);
    if (category) this.categories.set(category.id, category);
    if (addin) this.addins.set(addin.id, addin);
    this.putRoom(room);
  }

  async reloadCategory(categoryId: string): Promise<void> {
    const category = await this.storage.categories.get(categoryId);
    if (category) this.putCategory(category);
  }

  async reloadAddin(addinId: string): Promise<void> {
    const addin = await this.storage.addins.get(addinId);
    if (addin) this.putAddin(addin);
    else this.removeAddin(addinId);
  }

  private changed(): void {
    this.allCache = null;
    this.contextCache.clear();
  }
}
