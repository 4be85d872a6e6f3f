import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createRoom, http } from './helpers/http-client';
import { type ClientSocket, ok, request } from './helpers/socket-client';
import { slowUpload } from './helpers/slow-upload';
import { upload } from './helpers/upload';
import { type World, connectAs, makeWorld } from './helpers/world';

const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);

describe('files', () => {
  let world: World;
  let alice: ClientSocket;
  const storedFiles = async () => (await readdir(join(world.server.dataDir, 'files'))).sort();

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
  });
  afterAll(() => world.close());

  it('stores an upload, attaches it to a message and serves it as an attachment to readers only', async () => {
    const up = await upload(world.url, world.room.id, world.alice.token, new TextEncoder().encode('<script>alert(1)</script>'), 'évil.html', 'text/html');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: 'évil.html', size: 25, mime: 'text/html' });
    const sent = await ok(alice, 'message:send', { roomId: world.room.id, clientId: 'f1', text: 'see attached', fileId: up.body.fileId });
    expect(sent.message.file).toEqual(up.body);
    const { socket: bob } = await connectAs(world, world.bob);
    expect((await ok(bob, 'room:join', { roomId: world.room.id })).messages.at(-1)!.file).toEqual(up.body);

    const viaQuery = await fetch(new URL(`/api/files/${up.body.fileId}?token=${world.bob.token}`, world.url));
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(viaQuery.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await viaQuery.text()).toBe('<script>alert(1)</script>');
    const viaHeader = await http(world.url, 'GET', `/api/files/${up.body.fileId}`, { token: world.alice.token });
    expect(viaHeader.status).toBe(200);
    expect((await http(world.url, 'GET', `/api/files/${up.body.fileId}`)).status).toBe(401);

    // Someone who cannot read the room gets 404, as for a file that does not exist.
    const closed = await createRoom(world.url, world.adminToken, { name: 'Vault', categoryId: world.category.id, members: ['alice'] });
    const secretFile = await upload(world.url, closed.id, world.alice.token, bytes(10));
    expect(secretFile.status).toBe(201);
    expect((await http(world.url, 'GET', `/api/files/${secretFile.body.fileId}`, { token: world.bob.token })).status).toBe(404);
    expect((await http(world.url, 'GET', '/api/files/00000000-0000-0000-0000-000000000000', { token: world.bob.token })).status).toBe(404);
    // A file of another room, or someone else's, cannot be attached.
    expect(await request(bob, 'message:send', { roomId: world.room.id, clientId: 'steal', text: 'x', fileId: secretFile.body.fileId })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('accepts exactly maxFileSizeKB * 1024 bytes and refuses one more with 413, keeping nothing', async () => {
    await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { maxFileSizeKB: 2 } });
    const before = await storedFiles();
    const exact = await upload(world.url, world.room.id, world.alice.token, bytes(2048));
    expect(exact.status).toBe(201);
    expect(exact.body.size).toBe(2048);
    const afterExact = await storedFiles();
    expect(afterExact).toHaveLength(before.length + 1);

    const over = await upload(world.url, world.room.id, world.alice.token, bytes(2049));
    expect(over.status).toBe(413);
    expect(over.body.error).toMatchObject({ code: 'too_large', limitKB: 2 });
    // A much larger upload is also answered (not reset), and leaves nothing behind.
    const huge = await upload(world.url, world.room.id, world.alice.token, bytes(8 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('too_large');
    await new Promise((r) => setTimeout(r, 100));
    expect(await storedFiles()).toEqual(afterExact);
    expect((await http(world.url, 'GET', '/healthz')).status).toBe(200);
    await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { maxFileSizeKB: null } });
  });

  it('answers 413 as soon as the limit is crossed, and the client can read it while still sending', async () => {
    await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { maxFileSizeKB: 64 } });
    const before = await storedFiles();
    const result = await slowUpload(world.url, world.room.id, world.alice.token, 4 * 1024 * 1024);
    expect(result.error).toBeUndefined();
    expect(result.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
    expect(result.body).toContain('"too_large"');
    expect(result.sentWhenAnswered).toBeGreaterThan(0);
    expect(result.sentWhenAnswered).toBeLessThan(1024 * 1024);
    expect(await storedFiles()).toEqual(before);
    await http(world.url, 'PUT', '/api/admin/config/global', { token: world.adminToken, body: { maxFileSizeKB: null } });
  });

  it('checks in the §9.8 order: 401, 404, room_disabled, file_upload_disabled, forbidden', async () => {
    expect((await upload(world.url, world.room.id, undefined, bytes(1))).status).toBe(401);
    expect((await upload(world.url, 'no-such-room', world.bob.token, bytes(1))).status).toBe(404);
    const closed = await createRoom(world.url, world.adminToken, { name: 'Members', categoryId: world.category.id, members: ['alice'] });
    expect((await upload(world.url, closed.id, world.bob.token, bytes(1))).status).toBe(404);

    const noUploads = await createCategory(world.url, world.adminToken, { name: 'No uploads', fileUpload: false });
    const quiet = await createRoom(world.url, world.adminToken, { name: 'Quiet', categoryId: noUploads.id, privacy: 'open', type: 'auditorium', disabled: true });
    const disabled = await upload(world.url, quiet.id, world.bob.token, bytes(1));
    expect([disabled.status, disabled.body.error.code]).toEqual([403, 'room_disabled']);
    await http(world.url, 'PATCH', `/api/rooms/${quiet.id}`, { token: world.adminToken, body: { disabled: false } });
    const off = await upload(world.url, quiet.id, world.bob.token, bytes(1));
    expect([off.status, off.body.error.code]).toEqual([403, 'file_upload_disabled']);
    await http(world.url, 'PATCH', `/api/admin/categories/${noUploads.id}`, { token: world.adminToken, body: { fileUpload: true } });
    const listener = await upload(world.url, quiet.id, world.bob.token, bytes(1));
    expect([listener.status, listener.body.error.code]).toEqual([403, 'forbidden']);
    expect((await upload(world.url, quiet.id, world.adminToken, bytes(1))).status).toBe(201);
  });

  it('deletes a room’s files with the room', async () => {
    const room = await createRoom(world.url, world.adminToken, { name: 'Temporary', categoryId: world.category.id, privacy: 'open' });
    const up = await upload(world.url, room.id, world.alice.token, bytes(100));
    expect(await storedFiles()).toContain(up.body.fileId);
    expect((await http(world.url, 'DELETE', `/api/admin/rooms/${room.id}`, { token: world.adminToken })).status).toBe(204);
    expect(await storedFiles()).not.toContain(up.body.fileId);
  });
});
