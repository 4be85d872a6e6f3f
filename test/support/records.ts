// Storage records for unit tests of the services: a category that admits everyone, an open room,
// a plain user — each with what a test changes given as a patch.
import type { User } from '../../server/domain';
import type { CategoryRecord, RoomRecord } from '../../server/storage/repositories';

export const categoryRecord = (patch: Partial<CategoryRecord> = {}): CategoryRecord => ({
  id: 'cat',
  name: 'Cat',
  description: '',
  invitations: true,
  fileUpload: true,
  chatHistory: true,
  messageEdits: true,
  allowedMembers: ['*'],
  deniedMembers: [],
  creators: [],
  ...patch,
});

export const roomRecord = (id: string, patch: Partial<RoomRecord> = {}): RoomRecord => ({
  id,
  name: id,
  categoryId: 'cat',
  description: '',
  type: 'normal',
  privacy: 'open',
  disabled: false,
  addinId: null,
  invitations: false,
  createdBy: null,
  members: [],
  managers: [],
  presenters: [],
  ...patch,
});

/** A user whose id is `id-<name>`. */
export const userNamed = (name: string): User => ({ id: `id-${name}`, name, displayName: name, roles: ['user'] });
