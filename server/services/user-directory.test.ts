import { describe, expect, it } from 'vitest';
import type { Storage, UserRecord } from '../storage/repositories';
import { DomainEventBus } from './events';
import { UserDirectory } from './user-directory';

const record = (id: string, name: string, displayName: string): UserRecord => ({ id, name, displayName, roles: ['user'], passwordHash: '', disabled: false });

function directoryOver(users: UserRecord[]) {
  const storage = { users: { list: () => Promise.resolve([...users]), findById: (id: string) => Promise.resolve(users.find((u) => u.id === id)) } };
  const events = new DomainEventBus();
  const announced: string[] = [];
  events.on('user:changed', (id) => announced.push(id));
  return { directory: new UserDirectory(storage as unknown as Storage, events), announced, users };
}

describe('UserDirectory', () => {
  it('resolves mentions by name and display name, and finds users by name in any case', async () => {
    const { directory } = directoryOver([record('1', 'alice', 'Alice Martin'), record('2', 'bob', 'Bob')]);
    await directory.load();
    expect(directory.mentioned('hi @alice and @BOB')).toEqual(new Set(['1', '2']));
    expect(directory.mentioned('no at sign here')).toEqual(new Set());
    expect(directory.findByName('ALICE')?.id).toBe('1');
  });

  it('keeps the names current as accounts are created and renamed, here and on other servers', async () => {
    const { directory, announced, users } = directoryOver([record('1', 'am', 'Alice Martin')]);
    await directory.load();
    expect(directory.mentioned('@am')).toEqual(new Set(['1'])); // the trie exists now
    directory.changed(record('2', 'carol', 'Carol Danvers'));
    expect(directory.mentioned('@Carol Danvers')).toEqual(new Set(['2']));
    directory.changed(record('1', 'am', 'Alice Smith'));
    expect(directory.mentioned('@Alice Martin')).toEqual(new Set());
    expect(directory.mentioned('@alice smith')).toEqual(new Set(['1']));
    expect(announced).toEqual(['2', '1']);
    // Another server renamed dana: reload reads her from the store.
    users.push(record('3', 'dana', 'Dana Scully'));
    await directory.reload('3');
    expect(directory.mentioned('@"Dana Scully"')).toEqual(new Set(['3']));
    expect(directory.get('3')?.displayName).toBe('Dana Scully');
  });
});
