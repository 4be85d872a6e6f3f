// A server with an administrator, two users, a default category and an open room: the starting
// point most tests share.
import type { Category, RoomDetail } from '../../../common/protocol';
import { createCategory, createRoom, createUser, signInAdmin } from './http-client';
import { closeAllSockets, connect } from './socket-client';
import { type TestServer, startTestServer } from './test-server';

export interface World {
  server: TestServer;
  url: string;
  adminToken: string;
  alice: { token: string; id: string };
  bob: { token: string; id: string };
  category: Category;
  room: RoomDetail;
  close(): Promise<void>;
}

export async function makeWorld(): Promise<World> {
  const server = await startTestServer();
  const { url } = server;
  const admin = await signInAdmin(url);
  const alice = await createUser(url, admin.token, 'alice');
  const bob = await createUser(url, admin.token, 'bob');
  const category = await createCategory(url, admin.token, { name: 'General' });
  const room = await createRoom(url, admin.token, { name: 'Lobby', categoryId: category.id, privacy: 'open' });
  return {
    server,
    url,
    adminToken: admin.token,
    alice: { token: alice.token, id: alice.user.id },
    bob: { token: bob.token, id: bob.user.id },
    category,
    room,
    async close() {
      closeAllSockets();
      await server.close();
    },
  };
}

export const connectAs = (world: World, who: { token: string }) => connect(world.url, who.token);
