// PROTOCOL §12 keyword alerts over real sockets: alerts:list / alert:save / alert:delete with
// their limits, and alert:match for stored messages in rooms the owner may read (history on,
// not their own), whole words, case-insensitive, all rooms or chosen ones. A second server on
// the same store loads the alerts at start. SQLite, and PostgreSQL with PCHAT_TEST_POSTGRES_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertMatch } from '../../common/protocol';
import { createCategory, createRoom, createUser } from './helpers/http-client';
import { type ClientSocket, connect, ok, record, request, settle, waitFor } from './helpers/socket-client';
import { startTestServer } from './helpers/test-server';
import { type World, connectAs, makeWorld } from './helpers/world';

describe('keyword alerts (§12)', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let carol: ClientSocket;

  const send = async (socket: ClientSocket, roomId: string, text: string) =>
    (await ok(socket, 'message:send', { roomId, clientId: `${Math.random()}`, text })).message;
  const inRoom = (heard: AlertMatch[], roomId: string) => heard.filter((m) => m.message.roomId === roomId);

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
    carol = (await connect(world.url, (await createUser(world.url, world.adminToken, 'carol')).token)).socket;
  });
  afterAll(() => world.close());

  it('saves, lists, edits and deletes a user’s own alerts', async () => {
    expect(await ok(carol, 'alerts:list', {})).toMatchObject({ alerts: [] });
    const { alert } = await ok(carol, 'alert:save', { name: 'Releases', keywords: ['  release ', 'Deploy', 'deploy'] });
    expect(alert).toEqual({ id: expect.any(String) as string, name: 'Releases', keywords: ['release', 'Deploy'], roomIds: null });
    const edited = await ok(carol, 'alert:save', { id: alert.id, name: 'Ships', keywords: ['ship'], roomIds: [world.room.id] });
    expect(edited.alert).toEqual({ id: alert.id, name: 'Ships', keywords: ['ship'], roomIds: [world.room.id] });
    expect((await ok(carol, 'alerts:list', {})).alerts).toEqual([edited.alert]);
    // Another user's alert is not there for them to see, edit or delete.
    expect((await ok(bob, 'alerts:list', {})).alerts).toEqual([]);
    expect(await request(bob, 'alert:save', { id: alert.id, name: 'Mine now', keywords: ['x'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(bob, 'alert:delete', { id: alert.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ok(carol, 'alert:delete', { id: alert.id })).toEqual({ ok: true });
    expect(await request(carol, 'alert:delete', { id: alert.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await ok(carol, 'alerts:list', {})).alerts).toEqual([]);
  });

  it('refuses more than 20 keywords, keywords outside 1..100 characters, a 51st alert and rooms the user may not know', async () => {
    const secret = await createRoom(world.url, world.adminToken, { name: 'Vault', categoryId: world.category.id, privacy: 'secret', members: ['alice'] });
    const keywords = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
    const bad: unknown[] = [
      { name: 'Too many', keywords: keywords(21) },
      { name: 'Too long', keywords: ['x'.repeat(101)] },
      { name: 'Too long in code points', keywords: ['😀'.repeat(101)] },
      { name: 'Blank', keywords: ['   '] },
      { name: 'None', keywords: [] },
      { name: '', keywords: ['x'] },
      { name: 'Secret room', keywords: ['x'], roomIds: [secret.id] },
      { name: 'No room', keywords: ['x'], roomIds: ['nope'] },
      { name: 'Not a list', keywords: 'x' },
      null,
    ];
    for (const payload of bad) {
      expect(await request(bob, 'alert:save', payload as never), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await ok(bob, 'alert:save', { name: 'Longest', keywords: ['x'.repeat(100), '😀'.repeat(100), ...keywords(18)] })).toMatchObject({ ok: true });
    for (let i = 1; i < 50; i += 1) await ok(bob, 'alert:save', { name: `Alert ${i}`, keywords: [`word${i}`] });
    expect(await request(bob, 'alert:save', { name: 'The 51st', keywords: ['x'] })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const all = (await ok(bob, 'alerts:list', {})).alerts;
    expect(all).toHaveLength(50);
    // Editing one of the 50 is still allowed; then tidy up for the next tests.
    expect(await ok(bob, 'alert:save', { id: all[1]!.id, name: 'Edited', keywords: ['y'] })).toMatchObject({ ok: true });
    await Promise.all(all.map((a: Alert) => ok(bob, 'alert:delete', { id: a.id })));
  });

  it('pushes alert:match to every socket of the owner for whole-word, case-insensitive matches, once per alert', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Ops', categoryId: world.category.id, privacy: 'open' });
    const { alert } = await ok(bob, 'alert:save', { name: 'Deploys', keywords: ['deploy', 'New York', 'C++'] });
    const bobElsewhere = (await connectAs(world, world.bob)).socket;
    const [onBob, onElsewhere, onCarol] = [bob, bobElsewhere, carol].map((s) => record(s, 'alert:match'));
    const hit = await send(alice, room.id, 'DEPLOY to new york, deploy again');
    await send(alice, room.id, 'deployment in newyork, undeploy');
    const cpp = await send(alice, room.id, 'we write c++ here');
    await waitFor(() => inRoom(onBob!, room.id).length === 2 && inRoom(onElsewhere!, room.id).length === 2, 'two matches on both sockets');
    await settle();
    expect(inRoom(onBob!, room.id)).toEqual([
      { alertId: alert.id, message: hit, roomName: 'Ops' },
      { alertId: alert.id, message: cpp, roomName: 'Ops' },
    ]);
    expect(inRoom(onCarol!, room.id)).toEqual([]);
    // The owner's own messages never match.
    await send(bob, room.id, 'I deploy myself');
    await settle();
    expect(inRoom(onBob!, room.id)).toHaveLength(2);
    await ok(bob, 'alert:delete', { id: alert.id });
    await send(alice, room.id, 'deploy after the alert is gone');
    await settle();
    expect(inRoom(onBob!, room.id)).toHaveLength(2);
    bobElsewhere.disconnect();
  });

  it('only in the rooms chosen, rooms the owner may read, and rooms with chat history', async () => {
    const chosen = await createRoom(world.url, world.adminToken, { name: 'Chosen', categoryId: world.category.id, privacy: 'open' });
    const other = await createRoom(world.url, world.adminToken, { name: 'Other', categoryId: world.category.id, privacy: 'open' });
    const closed = await createRoom(world.url, world.adminToken, { name: 'Members', categoryId: world.category.id, members: ['alice'] });
    const noHistory = await createCategory(world.url, world.adminToken, { name: 'No log', chatHistory: false });
    const fleeting = await createRoom(world.url, world.adminToken, { name: 'Fleeting', categoryId: noHistory.id, privacy: 'open' });
    const { alert: scoped } = await ok(carol, 'alert:save', { name: 'Scoped', keywords: ['invoice'], roomIds: [chosen.id] });
    const { alert: everywhere } = await ok(carol, 'alert:save', { name: 'Everywhere', keywords: ['urgent'] });
    const heard = record(carol, 'alert:match');
    await send(alice, chosen.id, 'invoice urgent');
    await send(alice, other.id, 'invoice urgent');
    await send(alice, closed.id, 'invoice urgent');
    await send(alice, fleeting.id, 'invoice urgent');
    await waitFor(() => heard.length >= 3, 'the matches');
    await settle();
    const seen = heard.map((m) => `${m.roomName}:${m.alertId === scoped.id ? 'scoped' : m.alertId === everywhere.id ? 'everywhere' : '?'}`).sort();
    expect(seen).toEqual(['Chosen:everywhere', 'Chosen:scoped', 'Other:everywhere']);
  });

  it('a second server on the same store loads every alert at start and matches there', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Restarted', categoryId: world.category.id, privacy: 'open' });
    const { alert } = await ok(bob, 'alert:save', { name: 'Late', keywords: ['late night'] });
    const second = await startTestServer({ dataDir: world.server.dataDir, database: world.server.database });
    try {
      const bobThere = (await connect(second.url, world.bob.token)).socket;
      const aliceThere = (await connect(second.url, world.alice.token)).socket;
      const heard = record(bobThere, 'alert:match');
      await send(aliceThere, room.id, 'a LATE NIGHT release');
      await waitFor(() => heard.length === 1, 'the match on the second server');
      expect(heard[0]).toMatchObject({ alertId: alert.id, roomName: 'Restarted' });
      bobThere.disconnect();
      aliceThere.disconnect();
    } finally {
      await second.close();
    }
  });
});
