// `--demo`: a small organisation to click through. Seeds only an empty database, so reusing a
// data directory keeps whatever was done there; the demo add-in's URL always follows the
// address of its listener.
import { randomUUID } from 'node:crypto';
import type { Services } from '../services';
import { DEMO_LOBBY_LINES } from './demo-lines';

export const DEMO_ADDIN_NAME = 'Tickers';
const DEMO_USERS = [
  { name: 'alice', displayName: 'Alice Martin' },
  { name: 'bob', displayName: 'Bob Dupont' },
  { name: 'carol', displayName: 'Carol Nguyen' },
];

/**
 * `addinOrigin` is where the demo add-in is served: its own listener (demo-addin-server.ts), so
 * another origin than the web client and never framed with the app's rights; the add-in gets its
 * PROTOCOL §6 messages there.
 */
export async function seedDemo(services: Services, addinOrigin: string): Promise<{ user: string; password: string }[] | undefined> {
  const addinUrl = `${addinOrigin}/demo/ticker-addin.html`;
  const existingAddin = await services.storage.addins.findByName(DEMO_ADDIN_NAME);
  if ((await services.storage.categories.list()).length > 0) {
    if (existingAddin && existingAddin.url !== addinUrl) await services.addins.update(existingAddin.id, { url: addinUrl });
    return undefined;
  }

  const signIns: { user: string; password: string }[] = [];
  const ids = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = (await services.storage.users.findByName(u.name)) ?? (await services.accounts.create({ ...u, password: u.name }));
    ids.set(u.name, user.id);
    signIns.push({ user: u.name, password: u.name });
  }
  let admin = await services.storage.users.findByName('admin');
  if (!admin) {
    await services.accounts.ensureAdmin('admin');
    admin = await services.storage.users.findByName('admin');
    signIns.push({ user: 'admin', password: 'admin' });
  }
  const creator = { id: admin!.id, name: 'admin', displayName: admin!.displayName, roles: admin!.roles };

  const cats = services.categories;
  const general = await cats.create({ name: 'General', description: 'Everyday rooms', creators: ['alice'] });
  const announcements = await cats.create({ name: 'Announcements', description: 'Uploads are off here', fileUpload: false });
  const offRecord = await cats.create({ name: 'Off the record', description: 'No chat history is kept', chatHistory: false });
  const finance = await cats.create({ name: 'Finance', description: 'Markets and money', allowedMembers: ['alice', 'bob'] });
  const tickers = existingAddin ?? (await services.addins.create({ name: DEMO_ADDIN_NAME, url: addinUrl }));

  const rooms = services.rooms;
  const lobby = await rooms.create(creator, { name: 'Lobby', categoryId: general.id, privacy: 'open', description: 'Say hello' });
  await rooms.create(creator, { name: 'Town hall', categoryId: announcements.id, privacy: 'open', type: 'auditorium', presenters: ['alice'], description: 'Only presenters speak' });
  await rooms.create(creator, { name: 'Project X', categoryId: general.id, privacy: 'closed', members: ['alice', 'bob'], description: 'Members only' });
  await rooms.create(creator, { name: 'Skunkworks', categoryId: general.id, privacy: 'secret', members: ['alice'], description: 'You are not supposed to see this' });
  await rooms.create(creator, { name: 'Coffee corner', categoryId: offRecord.id, privacy: 'open', description: 'Nothing here is kept for later' });
  const trading = await rooms.create(creator, { name: 'Trading floor', categoryId: finance.id, privacy: 'open', addinId: tickers.id, description: 'Post a ticker like $ACME' });

  const start = Date.now() - DEMO_LOBBY_LINES.length * 60_000;
  for (const [i, text] of DEMO_LOBBY_LINES.entries()) {
    const sender = DEMO_USERS[i % DEMO_USERS.length]!;
    await services.storage.messages.insertIdempotent({
      id: randomUUID(),
      roomId: lobby.room.id,
      senderId: ids.get(sender.name)!,
      senderName: sender.displayName,
      clientId: `demo-${i}`,
      text,
      fileId: null,
      createdAt: new Date(start + i * 60_000).toISOString(),
    });
  }
  await services.storage.messages.insertIdempotent({
    id: randomUUID(),
    roomId: trading.room.id,
    senderId: ids.get('bob')!,
    senderName: 'Bob Dupont',
    clientId: 'demo-ticker',
    text: 'Watching $ACME and $GLOBEX today',
    fileId: null,
    createdAt: new Date().toISOString(),
  });
  return signIns;
}
