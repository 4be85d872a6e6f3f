// A join answers an invitation without its reply waiting for the write (§12), so the write may
// still be under way when the user's room list is asked for: over a real SQLite store whose
// delete is held back here, invitedRooms must wait for it rather than read the invitation back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/repositories';
import { openSqliteStorage } from '../storage/sqlite-storage';
import { DomainEventBus } from './events';
import { InvitationService } from './invitation-service';
import { RoomDirectory } from './room-directory';
import { UserDirectory } from './user-directory';

let dir: string;
let storage: Storage;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pchat-invitations-'));
  storage = await openSqliteStorage(dir);
  const now = new Date().toISOString();
  await storage.categories.create(
    { id: 'cat', name: 'Cat', description: '', invitations: true, fileUpload: true, chatHistory: true, messageEdits: true, allowedMembers: ['*'], deniedMembers: [], creators: [] },
    now,
  );
  await storage.users.create({ id: 'id-bob', name: 'bob', displayName: 'bob', roles: ['user'], passwordHash: 'x', disabled: false });
  for (const id of ['apollo', 'gemini']) {
    await storage.rooms.create(
      { id, name: id, categoryId: 'cat', description: '', type: 'normal', privacy: 'open', disabled: false, addinId: null, invitations: true, createdBy: null, members: ['bob'], managers: [], presenters: [] },
      now,
    );
    await storage.attention.invite(id, [{ userId: 'id-bob', by: 'alice' }], now);
  }
});

afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('InvitationService.joined', () => {
  it('answers without waiting, and a room list asked meanwhile waits for the answer', async () => {
    const clear = storage.attention.clearInvitation.bind(storage.attention);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    storage.attention.clearInvitation = async (userId, roomId) => (await held, clear(userId, roomId));
    const events = new DomainEventBus();
    const directory = new RoomDirectory(storage);
    const users = new UserDirectory(storage, events);
    await Promise.all([directory.load(), users.load()]);
    const errors: unknown[] = [];
    const invitations = new InvitationService(storage, directory, users, events, (_what, error) => errors.push(error));

    invitations.joined('id-bob', 'apollo');
    let listed: Set<string> | undefined;
    const asked = invitations.invitedRooms('id-bob').then((rooms) => (listed = rooms));
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The write is held back, and the list has not read the store past it.
    expect(listed).toBeUndefined();
    release();
    await asked;
    expect([...listed!]).toEqual(['gemini']);
    expect(errors).toEqual([]);
    // Nothing left waiting: the next list reads the store at once.
    expect([...(await invitations.invitedRooms('id-bob'))]).toEqual(['gemini']);
  });
});
