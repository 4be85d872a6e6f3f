// Small builders for protocol shapes used across renderer tests.
import { DEFAULT_CONFIG } from '../../common/config';
import type { Category, Message, RoomDetail, Roster, User } from '../../common/protocol';

export const alice: User = { id: 'u-alice', name: 'alice', displayName: 'Alice Martin', roles: ['user'] };
export const bob: User = { id: 'u-bob', name: 'bob', displayName: 'Bob Stone', roles: ['user'] };

export const category: Category = {
  id: 'c1',
  name: 'Trading',
  description: '',
  invitations: true,
  fileUpload: true,
  chatHistory: true,
  messageEdits: true,
};

export function room(overrides: Partial<RoomDetail> = {}): RoomDetail {
  return {
    id: 'r1',
    name: 'Desk',
    description: '',
    categoryId: category.id,
    type: 'normal',
    privacy: 'open',
    disabled: false,
    joined: true,
    isMember: true,
    canManage: false,
    addin: null,
    canPost: true,
    fileUpload: true,
    chatHistory: true,
    managers: [],
    presenters: [],
    ...overrides,
  };
}

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    roomId: 'r1',
    seq,
    id: `m${seq}`,
    clientId: `c${seq}`,
    senderId: bob.id,
    senderName: bob.displayName,
    text: `message ${seq}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    file: null,
    editedAt: null,
    replyTo: null,
    reactions: [],
    ...overrides,
  };
}

export function messages(from: number, to: number, roomId = 'r1'): Message[] {
  const list: Message[] = [];
  for (let seq = from; seq <= to; seq += 1) list.push(message(seq, { roomId }));
  return list;
}

export function roster(overrides: Partial<Roster> = {}): Roster {
  return {
    roomId: 'r1',
    count: 2,
    truncated: false,
    participants: [
      { userId: alice.id, displayName: alice.displayName },
      { userId: bob.id, displayName: bob.displayName },
    ],
    ...overrides,
  };
}

export const sessionPayload = { user: alice, config: { ...DEFAULT_CONFIG }, serverVersion: 'test' };
