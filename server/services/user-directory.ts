// Every user in memory (a few thousand at most), for what a stored message implies: whom its
// mentions name (by lower-cased name and display name, PROTOCOL §12), and who the owners of
// alerts and invitees are, with what authorization needs to know of them — no query per message.
// The account service reports each change right after its write; other servers sharing the store
// hear of it through the cluster link and reload just that user. The store stays the truth:
// `load()` rebuilds everything from it.
import { MentionMatcher } from '../../common/mentions';
import type { User } from '../domain';
import type { Storage, UserRecord } from '../storage/repositories';
import { nameKey } from './authorization';
import type { DomainEventBus } from './events';

export type KnownUser = User & { disabled: boolean };

const known = ({ id, name, displayName, roles, disabled }: UserRecord): KnownUser => ({ id, name, displayName, roles, disabled });

export class UserDirectory {
  private byId = new Map<string, KnownUser>();
  private byName = new Map<string, KnownUser>();
  /** Rebuilt on the first message after a change: changes are rare, messages are not. */
  private matcher: MentionMatcher<string> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
  ) {}

  async load(): Promise<void> {
    const users = await this.storage.users.list();
    this.byId = new Map(users.map((u) => [u.id, known(u)]));
    this.reindex();
  }

  get(id: string): KnownUser | undefined {
    return this.byId.get(id);
  }

  /** Case-insensitive, like every user name (§10). */
  findByName(name: string): KnownUser | undefined {
    return this.byName.get(nameKey(name));
  }

  /** Ids of the users the text mentions (disabled accounts included; the caller decides). */
  mentioned(text: string): Set<string> {
    if (!text.includes('@')) return new Set();
    this.matcher ??= new MentionMatcher(
      [...this.byId.values()].flatMap((u): [string, string][] => [
        [u.name, u.id],
        [u.displayName, u.id],
      ]),
    );
    return this.matcher.find(text);
  }

  /** The account service wrote this user: update memory and tell the other servers. */
  changed(record: UserRecord): void {
    this.put(known(record));
    this.events.emit('user:changed', record.id);
  }

  /** Another server changed the user: read it again. */
  async reload(userId: string): Promise<void> {
    const record = await this.storage.users.findById(userId);
    if (record) this.put(known(record));
  }

  /** One user at a time, so seeding thousands of accounts stays linear. */
  private put(user: KnownUser): void {
    const previous = this.byId.get(user.id);
    this.byId.set(user.id, user);
    const key = nameKey(user.name);
    if (this.byName.get(key)?.id === user.id || !this.byName.has(key)) this.byName.set(key, user);
    if (!previous) {
      this.matcher?.add(user.name, user.id);
      this.matcher?.add(user.displayName, user.id);
    } else if (previous.displayName !== user.displayName || previous.name !== user.name) {
      // A trie cannot forget a name: rebuild it on the next message (renames are rare).
      this.matcher = null;
    }
  }

  private reindex(): void {
    // When two stored names differ only in case, the first listed keeps the folded name.
    this.byName = new Map();
    for (const user of this.byId.values()) if (!this.byName.has(nameKey(user.name))) this.byName.set(nameKey(user.name), user);
    this.matcher = null;
  }
}
