// Mentions and keyword alerts follow edits and removals (docs/protocol.md "Attention, beyond
// §12"): an edit notifies whom its new text adds, once, under the rules of a send, and drops the
// mention rows of whom it no longer names; a deleted, removed or cleared message takes its rows
// with it. Counts are read from rooms:list, rows from the store itself (a second handle on the
// server's database). SQLite, and PostgreSQL with PCHAT_TEST_POSTGRES_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertMatch, MentionNew } from '../../common/protocol';
import { createRoom, http, signIn } from './helpers/http-client';
import { type ClientSocket, connect, ok, record, settle, waitFor } from './helpers/socket-client';
import { type MentionWorld, makeMentionWorld } from './helpers/mention-world';
import type { World } from './helpers/world';

describe('attention follows edits and removals', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let carol: ClientSocket;
  let carolId: string;
  let send: MentionWorld['send'];
  let mentions: MentionWorld['mentions'];
  let rows: MentionWorld['rows'];
  let openRoom: MentionWorld['openRoom'];
  let close: MentionWorld['close'];
  const edit = async (roomId: string, seq: number, text: string) => (await ok(alice, 'message:edit', { roomId, seq, text })).message;
  const inRoom = <T extends { message: { roomId: string } }>(heard: T[], roomId: string) => heard.filter((m) => m.message.roomId === roomId);

  beforeAll(async () => {
    ({ world, alice, bob, carol, carolId, send, mentions, rows, openRoom, close } = await makeMentionWorld());
  });
  afterAll(() => close());

  it('a user renamed since the message named them is not told again when an edit names the new name', async () => {
    const room = await openRoom('Renamed then edited');
    const created = await http(world.url, 'POST', '/api/admin/users', {
      token: world.adminToken,
      // A user name unlike the display name: `@Erin Old` must name her by the display name only.
      body: { name: 'user-e7', displayName: 'Erin Old', password: 'erin-pw-long-enough' },
    });
    expect(created.status).toBe(201);
    const erinBefore = (await connect(world.url, (await signIn(world.url, 'user-e7', 'erin-pw-long-enough')).token)).socket;
    const heardBefore = record(erinBefore, 'mention:new');
    const { seq } = await send(room.id, 'hello @Erin Old');
    await waitFor(() => inRoom(heardBefore, room.id).length === 1, 'the first mention');
    const renamed = await http(world.url, 'PATCH', '/api/admin/users/user-e7', { token: world.adminToken, body: { displayName: 'Erin New' } });
    expect(renamed.status).toBe(200);
    // The rename reconnects her sockets: listen afresh.
    const erin = (await connect(world.url, (await signIn(world.url, 'user-e7', 'erin-pw-long-enough')).token)).socket;
    const heard = record(erin, 'mention:new');
    await edit(room.id, seq, 'hello @Erin New');
    await settle();
    expect(inRoom(heard, room.id)).toEqual([]);
    expect(await mentions(erin, room.id)).toBe(1);
    erin.disconnect();
    erinBefore.disconnect();
  });

  it('an edit that adds a mention notifies once and counts; one that drops it uncounts', async () => {
    const room = await openRoom('Edited mentions');
    const onBob = record(bob, 'mention:new');
    const onCarol = record(carol, 'mention:new');
    const onAlice = record(alice, 'mention:new');
    const { seq } = await send(room.id, 'hello team');
    expect(await mentions(bob, room.id)).toBe(0);

    const first = await edit(room.id, seq, 'hello @bob');
    // Stored before the ack: the count has risen already.
    expect(await mentions(bob, room.id)).toBe(1);
    await waitFor(() => inRoom(onBob, room.id).length === 1, 'mention:new for the edit that names bob');
    expect(inRoom(onBob, room.id)[0]).toEqual<MentionNew>({ message: first, roomName: 'Edited mentions' });

    // Still named: no second event. Naming carol too: only she hears of it. The sender never.
    await edit(room.id, seq, 'hello @bob, again, @alice');
    await edit(room.id, seq, 'hello @bob and @carol');
    await waitFor(() => inRoom(onCarol, room.id).length === 1, 'mention:new for carol');
    expect(inRoom(onCarol, room.id)[0]!.message.text).toBe('hello @bob and @carol');
    await settle();
    expect(inRoom(onBob, room.id)).toHaveLength(1);
    expect(inRoom(onAlice, room.id)).toEqual([]);
    expect(await mentions(bob, room.id)).toBe(1);

    // Bob no longer named: his row goes, carol's stays.
    await edit(room.id, seq, 'hello @carol');
    expect(await mentions(bob, room.id)).toBe(0);
    expect(await rows(world.bob.id, room.id)).toEqual([]);
    expect(await mentions(carol, room.id)).toBe(1);
    expect(await rows(carolId, room.id)).toEqual([seq]);
    // Named again after the text had dropped him: that is news again.
    await edit(room.id, seq, 'hello @carol and @bob');
    await waitFor(() => inRoom(onBob, room.id).length === 2, 'mention:new when named again');
    expect(await mentions(bob, room.id)).toBe(1);
    await settle();
    expect(inRoom(onCarol, room.id)).toHaveLength(1);
  });

  it('an edit follows the rules of a send: only people who may read the room', async () => {
    const closed = await createRoom(world.url, world.adminToken, { name: 'Edited behind doors', categoryId: world.category.id, members: ['alice', 'bob'] });
    const onCarol = record(carol, 'mention:new');
    const onBob = record(bob, 'mention:new');
    const { seq } = await send(closed.id, 'psst');
    await edit(closed.id, seq, 'psst @carol @bob');
    await waitFor(() => inRoom(onBob, closed.id).length === 1, 'bob, a member, named by the edit');
    await settle();
    expect(inRoom(onCarol, closed.id)).toEqual([]);
    expect(await rows(carolId, closed.id)).toEqual([]);
  });

  it('an edit whose new text matches an alert sends alert:match once for that alert', async () => {
    const room = await openRoom('Edited alerts');
    const deploys = (await ok(bob, 'alert:save', { name: 'Deploys', keywords: ['deploy'], roomIds: [room.id] })).alert;
    const outages = (await ok(bob, 'alert:save', { name: 'Outages', keywords: ['outage'], roomIds: [room.id] })).alert;
    const onBob = record(bob, 'alert:match');
    const { seq } = await send(room.id, 'nothing to see');
    await settle();
    expect(inRoom(onBob, room.id)).toEqual([]);

    const first = await edit(room.id, seq, 'deploy at noon');
    await waitFor(() => inRoom(onBob, room.id).length === 1, 'alert:match after the edit');
    expect(inRoom(onBob, room.id)[0]).toEqual<AlertMatch>({ alertId: deploys.id, message: first, roomName: 'Edited alerts' });
    // Matched already: the same alert stays quiet; a newly matched one speaks, once.
    await edit(room.id, seq, 'deploy at one');
    const both = await edit(room.id, seq, 'deploy at one, after the outage');
    await waitFor(() => inRoom(onBob, room.id).length === 2, 'alert:match for the second alert');
    await settle();
    expect(inRoom(onBob, room.id).map((m) => m.alertId)).toEqual([deploys.id, outages.id]);
    expect(inRoom(onBob, room.id)[1]!.message).toEqual(both);
    // Dropped and matched again is news again, as for mentions.
    await edit(room.id, seq, 'all quiet');
    await edit(room.id, seq, 'deploy again');
    await waitFor(() => inRoom(onBob, room.id).length === 3, 'alert:match once matched again');
    await settle();
    expect(inRoom(onBob, room.id).map((m) => m.alertId)).toEqual([deploys.id, outages.id, deploys.id]);
  });

  it('a deleted message takes its mention rows with it (message:delete, admin remove-messages and clear)', async () => {
    const room = await openRoom('Removed mentions');
    const sent = [];
    for (const text of ['@bob one', '@bob two', '@bob three', '@bob four']) sent.push(await send(room.id, text));
    // A send stores its mentions just after the ack.
    await expect.poll(() => rows(world.bob.id, room.id)).toEqual([1, 2, 3, 4]);
    expect(await mentions(bob, room.id)).toBe(4);

    await ok(alice, 'message:delete', { roomId: room.id, seq: 2 });
    expect(await rows(world.bob.id, room.id)).toEqual([1, 3, 4]);
    expect(await mentions(bob, room.id)).toBe(3);

    const removed = await http(world.url, 'POST', `/api/admin/rooms/${room.id}/remove-messages`, { token: world.adminToken, body: { contains: 'three' } });
    expect(removed.body).toEqual({ removed: 1 });
    expect(await rows(world.bob.id, room.id)).toEqual([1, 4]);

    // Clear before the last message: only its row is left.
    const cleared = await http(world.url, 'POST', `/api/admin/rooms/${room.id}/clear`, { token: world.adminToken, body: { before: sent[3]!.createdAt } });
    expect(cleared.body).toEqual({ removed: 1 });
    expect(await rows(world.bob.id, room.id)).toEqual([4]);
    expect(await mentions(bob, room.id)).toBe(1);

    // A rewrite by an administrator names nobody: the row goes, and nobody is told.
    const onBob = record(bob, 'mention:new');
    const rewritten = await http(world.url, 'POST', `/api/admin/rooms/${room.id}/remove-messages`, {
      token: world.adminToken,
      body: { contains: 'four', replaceWith: 'removed by @bob’s manager' },
    });
    expect(rewritten.body).toEqual({ removed: 1 });
    expect(await rows(world.bob.id, room.id)).toEqual([]);
    expect(await mentions(bob, room.id)).toBe(0);
    await settle();
    expect(onBob).toEqual([]);
  });
});
