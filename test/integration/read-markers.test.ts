// Read markers, follows and room:activity (docs/protocol.md "What pchat adds") over real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomActivity, RoomSummary } from '../../common/protocol';
import { createCategory, createRoom, createUser, http } from './helpers/http-client';
import { type ClientSocket, connect, ok, record, request, settle, waitFor } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';
import { CACHED_FROM_READERS } from '../../server/socket/unjoined-readers';

describe('read markers, follows and room activity', () => {
  let world: World;
  let alice: ClientSocket;
  let bob: ClientSocket;
  let carol: { token: string };

  /** room:activity heard by the socket for one room only. */
  const recordRoom = (socket: ClientSocket, roomId: string) => {
    const heard: RoomActivity[] = [];
    socket.on('room:activity', (activity) => {
      if (activity.roomId === roomId) heard.push(activity);
    });
    return heard;
  };

  const summary = async (socket: ClientSocket, roomId: string): Promise<RoomSummary | undefined> =>
    (await ok(socket, 'rooms:list', {})).rooms.find((r) => r.id === roomId);

  beforeAll(async () => {
    world = await makeWorld();
    carol = await createUser(world.url, world.adminToken, 'carol');
    alice = (await connectAs(world, world.alice)).socket;
    bob = (await connectAs(world, world.bob)).socket;
  });
  afterAll(() => world.close());

  it('rooms:list carries followed, lastSeq and lastReadSeq; markers only move forward and stop at the last seq', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Markers', categoryId: world.category.id, privacy: 'open' });
    for (const n of [1, 2, 3]) await ok(alice, 'message:send', { roomId: room.id, clientId: `m${n}`, text: `m${n}` });
    expect(await summary(bob, room.id)).toMatchObject({ followed: false, lastSeq: 3, lastReadSeq: 0 });
    // The sender's own messages count as read for them.
    await settle();
    expect(await summary(alice, room.id)).toMatchObject({ lastSeq: 3, lastReadSeq: 3 });

    expect(await ok(bob, 'room:read', { roomId: room.id, seq: 2 })).toMatchObject({ lastReadSeq: 2 });
    expect(await ok(bob, 'room:read', { roomId: room.id, seq: 1 })).toMatchObject({ lastReadSeq: 2 });
    expect(await ok(bob, 'room:read', { roomId: room.id, seq: 99 })).toMatchObject({ lastReadSeq: 3 });
    expect(await summary(bob, room.id)).toMatchObject({ lastSeq: 3, lastReadSeq: 3 });
  });

  it('follow and unfollow are remembered, and survive a reconnect with the unread count', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Followed', categoryId: world.category.id, privacy: 'open' });
    await ok(bob, 'room:follow', { roomId: room.id, follow: true });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'f1', text: 'one' });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'f2', text: 'two' });
    await ok(bob, 'room:read', { roomId: room.id, seq: 1 });

    const again = (await connectAs(world, world.bob)).socket;
    expect(await summary(again, room.id)).toMatchObject({ followed: true, lastSeq: 2, lastReadSeq: 1 });
    await ok(again, 'room:follow', { roomId: room.id, follow: false });
    expect(await summary(bob, room.id)).toMatchObject({ followed: false, lastSeq: 2, lastReadSeq: 1 });
    again.disconnect();
  });

  it('pushes room:activity to every unjoined socket of followers who can read, and to nobody else', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Busy', categoryId: world.category.id, members: ['bob', 'alice'] });
    const bobElsewhere = (await connectAs(world, world.bob)).socket;
    const carolSocket = (await connect(world.url, carol.token)).socket;
    await ok(bob, 'room:follow', { roomId: room.id, follow: true });
    // Carol cannot read a closed room she is not a member of, so she may not follow it.
    expect(await request(carolSocket, 'room:follow', { roomId: room.id, follow: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Only this room's activity: bob's reads in earlier tests reach his sockets too.
    const [bobHeard, elsewhereHeard, aliceHeard, carolHeard] = [bob, bobElsewhere, alice, carolSocket].map((s) => recordRoom(s, room.id));
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'b1', text: 'news' });
    await waitFor(() => bobHeard!.length === 1 && elsewhereHeard!.length === 1, 'activity on both of bob’s sockets');
    expect(bobHeard![0]).toEqual({ roomId: room.id, lastSeq: 1 });
    await settle();
    // The sender reads the room by writing in it: their sockets hear it as read, nobody else's.
    expect(aliceHeard).toEqual([{ roomId: room.id, lastSeq: 1, lastReadSeq: 1 }]);
    expect(carolHeard).toEqual([]);

    // A follower who loses the right to read hears nothing more.
    await http(world.url, 'PATCH', `/api/rooms/${room.id}`, { token: world.adminToken, body: { members: ['alice'] } });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'b2', text: 'secret news' });
    await settle();
    expect(bobHeard).toHaveLength(1);
    expect((await summary(bob, room.id))?.lastSeq).toBeUndefined();
    bobElsewhere.disconnect();
    carolSocket.disconnect();
  });

  it('pushes room:activity to readers who do not follow, on the sockets that have not joined the room', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Read before', categoryId: world.category.id, privacy: 'open' });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'r1', text: 'first' });
    const carolSocket = (await connect(world.url, carol.token)).socket;
    // Bob reads the room on his desk (joined) and never follows it; carol has never opened it.
    const desk = (await connectAs(world, world.bob)).socket;
    await ok(desk, 'room:join', { roomId: room.id });
    await ok(desk, 'room:read', { roomId: room.id, seq: 1 });
    const [deskHeard, phoneHeard, carolHeard] = [desk, bob, carolSocket].map((s) => recordRoom(s, room.id));
    const deskMessages = record(desk, 'message:new');

    await ok(alice, 'message:send', { roomId: room.id, clientId: 'r2', text: 'second' });
    await waitFor(() => phoneHeard!.length === 1, 'activity on bob’s socket that has not joined');
    expect(phoneHeard![0]).toEqual({ roomId: room.id, lastSeq: 2 });
    await waitFor(() => deskMessages.some((m) => m.message.seq === 2), 'the message on the joined socket');
    await settle();
    // The joined socket has the message itself; an activity push there would only double the work.
    expect(deskHeard).toEqual([]);
    expect(carolHeard).toEqual([]);
    // And the count it gives is the one rooms:list gives on a fresh connection.
    expect(await summary(bob, room.id)).toMatchObject({ followed: false, lastSeq: 2, lastReadSeq: 1 });
    desk.disconnect();
    carolSocket.disconnect();
  });

  it('follows each socket as it joins, leaves, connects and disconnects: the pushes go where the room is not open', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Comings and goings', categoryId: world.category.id, privacy: 'open' });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'c0', text: 'zero' });
    // Enough readers that the server keeps each message's answer for the next (unjoined-readers.ts).
    for (let n = 0; n < CACHED_FROM_READERS; n += 1) {
      const reader = await createUser(world.url, world.adminToken, `reader${n}`);
      const socket = (await connect(world.url, reader.token)).socket;
      await ok(socket, 'room:read', { roomId: room.id, seq: 1 });
      socket.disconnect();
    }
    const desk = (await connectAs(world, world.bob)).socket;
    await ok(desk, 'room:join', { roomId: room.id });
    await ok(desk, 'room:read', { roomId: room.id, seq: 1 });
    const deskHeard = recordRoom(desk, room.id);
    const phoneHeard = recordRoom(bob, room.id);
    // Each message's audience is worked out again after every change below (none is cached across one).
    const send = async (n: number) => {
      await ok(alice, 'message:send', { roomId: room.id, clientId: `c${n}`, text: `message ${n}` });
      await settle();
    };
    // Message activity only (a read's own announcement to bob's devices carries lastReadSeq).
    const seqs = (heard: RoomActivity[]) => heard.filter((activity) => activity.lastReadSeq === undefined).map((activity) => activity.lastSeq);

    await send(1);
    await send(2);
    expect(seqs(deskHeard)).toEqual([]);
    expect(seqs(phoneHeard)).toEqual([2, 3]);

    await ok(desk, 'room:leave', { roomId: room.id });
    await send(3);
    expect(seqs(deskHeard)).toEqual([4]);

    await ok(desk, 'room:join', { roomId: room.id });
    await ok(bob, 'room:join', { roomId: room.id });
    await send(4);
    expect(seqs(deskHeard)).toEqual([4]);
    expect(seqs(phoneHeard)).toEqual([2, 3, 4]);

    const laptop = (await connectAs(world, world.bob)).socket;
    const laptopHeard = recordRoom(laptop, room.id);
    await send(5);
    expect(seqs(laptopHeard)).toEqual([6]);
    laptop.disconnect();
    desk.disconnect();
    await ok(bob, 'room:leave', { roomId: room.id });
    await send(6);
    expect(seqs(phoneHeard)).toEqual([2, 3, 4, 7]);
    expect(seqs(deskHeard)).toEqual([4]);

    // Bob writes from outside the room: his own socket hears his message as read, not as news.
    await ok(bob, 'message:send', { roomId: room.id, clientId: 'from-bob', text: 'from bob' });
    await settle();
    expect(seqs(phoneHeard)).toEqual([2, 3, 4, 7]);
    expect(phoneHeard.filter((activity) => activity.lastSeq === 8)).toEqual([{ roomId: room.id, lastSeq: 8, lastReadSeq: 8 }]);
    // And the next message from someone else reaches him again.
    await send(7);
    expect(seqs(phoneHeard)).toEqual([2, 3, 4, 7, 9]);

    // Joining and leaving another room changes nothing here.
    const elsewhere = await createRoom(world.url, world.adminToken, { name: 'Elsewhere', categoryId: world.category.id, privacy: 'open' });
    await ok(bob, 'room:join', { roomId: elsewhere.id });
    await send(8);
    await ok(bob, 'room:leave', { roomId: elsewhere.id });
    await send(9);
    expect(seqs(phoneHeard)).toEqual([2, 3, 4, 7, 9, 10, 11]);
  });

  it('a first read makes a reader at once, and an unfollow without a read ends the pushes', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'New reader', categoryId: world.category.id, privacy: 'open' });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'n1', text: 'before' });
    const carolSocket = (await connect(world.url, carol.token)).socket;
    const carolHeard = recordRoom(carolSocket, room.id);
    // The room's reader list is cached by now (the message above loaded it): the read must reach it.
    await ok(carolSocket, 'room:read', { roomId: room.id, seq: 1 });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'n2', text: 'after' });
    await waitFor(() => carolHeard.some((a) => a.lastSeq === 2 && a.lastReadSeq === undefined), 'activity for the new reader');

    const other = await createRoom(world.url, world.adminToken, { name: 'Followed once', categoryId: world.category.id, privacy: 'open' });
    const otherHeard = recordRoom(carolSocket, other.id);
    await ok(carolSocket, 'room:follow', { roomId: other.id, follow: true });
    await ok(alice, 'message:send', { roomId: other.id, clientId: 'u1', text: 'while followed' });
    await waitFor(() => otherHeard.length === 1, 'activity while following');
    await ok(carolSocket, 'room:follow', { roomId: other.id, follow: false });
    await ok(alice, 'message:send', { roomId: other.id, clientId: 'u2', text: 'after the unfollow' });
    await settle();
    expect(otherHeard).toHaveLength(1);
    carolSocket.disconnect();
  });

  it('a read on one device reaches the user’s other devices, batched, within 3 s', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Two devices', categoryId: world.category.id, privacy: 'open' });
    await ok(bob, 'room:follow', { roomId: room.id, follow: true });
    for (const clientId of ['d1', 'd2', 'd3']) await ok(alice, 'message:send', { roomId: room.id, clientId, text: clientId });
    const laptop = (await connectAs(world, world.bob)).socket;
    await settle();
    const heard = recordRoom(laptop, room.id);
    const heardByReader = recordRoom(bob, room.id);
    // A client that marks every arrival: three reads, one announcement of where bob stands.
    for (const seq of [1, 2, 3]) await ok(bob, 'room:read', { roomId: room.id, seq });
    const readAt = Date.now();
    await waitFor(() => heard.some((a) => a.lastReadSeq === 3), 'the read on the other device', 3000);
    expect(Date.now() - readAt).toBeLessThan(3000);
    expect(heard.filter((a) => a.lastReadSeq !== undefined).map((a) => a.lastReadSeq)).toEqual([3]);
    expect(heard.at(-1)).toEqual({ roomId: room.id, lastSeq: 3, lastReadSeq: 3 });
    // The socket that read knows where it stands from its acks: it is not told again.
    expect(heardByReader).toEqual([]);

    // Reads on both devices: each hears of the other's (in one batch, both hear where bob stands).
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'd4', text: 'd4' });
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'd5', text: 'd5' });
    await ok(bob, 'room:read', { roomId: room.id, seq: 4 });
    await ok(laptop, 'room:read', { roomId: room.id, seq: 5 });
    await waitFor(() => heardByReader.some((a) => a.lastReadSeq === 5), 'the reads of both devices, on the first', 3000);
    await waitFor(() => heard.some((a) => (a.lastReadSeq ?? 0) >= 4), 'the reads of both devices, on the second', 3000);
    laptop.disconnect();
  });

  it('the sender’s own message arrives as read on their other sockets', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Own words', categoryId: world.category.id, privacy: 'open' });
    await ok(alice, 'room:follow', { roomId: room.id, follow: true });
    const heard = record(alice, 'room:activity');
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'o1', text: 'mine' });
    await waitFor(() => heard.length === 1, 'activity for the sender');
    expect(heard[0]).toEqual({ roomId: room.id, lastSeq: 1, lastReadSeq: 1 });
  });

  it('rooms without chat history have no counts and no activity', async () => {
    const category = await createCategory(world.url, world.adminToken, { name: 'No history', chatHistory: false });
    const room = await createRoom(world.url, world.adminToken, { name: 'Fleeting', categoryId: category.id, privacy: 'open' });
    await ok(bob, 'room:follow', { roomId: room.id, follow: true });
    const heard = record(bob, 'room:activity');
    await ok(alice, 'message:send', { roomId: room.id, clientId: 'h1', text: 'gone' });
    await settle();
    expect(heard).toEqual([]);
    const listed = await summary(bob, room.id);
    expect(listed).toMatchObject({ followed: true });
    expect(listed?.lastSeq).toBeUndefined();
  });

  it('answers not_found, forbidden and bad_request like the other events', async () => {
    const secret = await createRoom(world.url, world.adminToken, { name: 'Hidden', categoryId: world.category.id, privacy: 'secret', members: ['alice'] });
    const closed = await createRoom(world.url, world.adminToken, { name: 'Members only', categoryId: world.category.id, members: ['alice'] });
    expect(await request(bob, 'room:read', { roomId: 'nope', seq: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(bob, 'room:read', { roomId: secret.id, seq: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(bob, 'room:follow', { roomId: secret.id, follow: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(bob, 'room:read', { roomId: closed.id, seq: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await request(bob, 'room:follow', { roomId: closed.id, follow: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Unfollowing a readable-but-closed room is allowed, so access lost does not trap a follow.
    expect(await request(bob, 'room:follow', { roomId: closed.id, follow: false })).toMatchObject({ ok: true });
    const bad: [string, unknown][] = [
      ['room:read', { roomId: world.room.id }],
      ['room:read', { roomId: world.room.id, seq: -1 }],
      ['room:read', { roomId: world.room.id, seq: 1.5 }],
      ['room:read', { roomId: world.room.id, seq: '3' }],
      ['room:follow', { roomId: world.room.id }],
      ['room:follow', { roomId: world.room.id, follow: 'yes' }],
      ['room:follow', { roomId: '', follow: true }],
      ['room:follow', null],
    ];
    for (const [event, payload] of bad) {
      expect(await request(bob, event as 'room:read', payload as never), `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });
});
