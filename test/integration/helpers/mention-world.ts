// What the attention tests that read the mentions table share: a world with alice, bob and
// carol connected, a second handle on the server's own store, and the few requests they make.
import type { Message } from '../../../common/protocol';
import type { Storage } from '../../../server/storage/repositories';
import { createRoom, createUser } from './http-client';
import { type ClientSocket, connect, ok } from './socket-client';
import { openStoreOf } from './store';
import { type World, connectAs, makeWorld } from './world';

export interface MentionWorld {
  world: World;
  store: Storage;
  alice: ClientSocket;
  bob: ClientSocket;
  carol: ClientSocket;
  carolId: string;
  /** Alice posts `text` in the room; the stored message. */
  send: (roomId: string, text: string) => Promise<Message>;
  /** The room's unread mentions in rooms:list, as `socket`'s user sees them. */
  mentions: (socket: ClientSocket, roomId: string) => Promise<number | undefined>;
  /** The seqs of the room that the store holds a mention row of `userId` for. */
  rows: (userId: string, roomId: string) => Promise<number[]>;
  openRoom: (name: string) => Promise<{ id: string }>;
  close: () => Promise<void>;
}

export async function makeMentionWorld(): Promise<MentionWorld> {
  const world = await makeWorld();
  const store = await openStoreOf(world.server);
  const alice = (await connectAs(world, world.alice)).socket;
  const bob = (await connectAs(world, world.bob)).socket;
  const carolUser = await createUser(world.url, world.adminToken, 'carol');
  const carol = (await connect(world.url, carolUser.token)).socket;
  return {
    world,
    store,
    alice,
    bob,
    carol,
    carolId: carolUser.user.id,
    send: async (roomId, text) => (await ok(alice, 'message:send', { roomId, clientId: `${Math.random()}`, text })).message,
    mentions: async (socket, roomId) => (await ok(socket, 'rooms:list', {})).rooms.find((r) => r.id === roomId)?.mentions,
    rows: async (userId, roomId) => (await store.attention.mentionRows(userId)).filter((r) => r.roomId === roomId).map((r) => r.seq),
    openRoom: (name) => createRoom(world.url, world.adminToken, { name, categoryId: world.category.id, privacy: 'open' }),
    close: async () => {
      await store.close();
      await world.close();
    },
  };
}
