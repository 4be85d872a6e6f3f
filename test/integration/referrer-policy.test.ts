// Issue 9 #12: `Referrer-Policy: no-referrer` on every response — the web client, the API (errors
// included), /manage, downloads and socket.io's own HTTP answers — so no link out of the app or
// an add-in learns a page address, let alone a `?token=` one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from './helpers/http-client';
import { upload } from './helpers/upload';
import { type World, makeWorld } from './helpers/world';

describe('Referrer-Policy', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  afterAll(() => world.close());

  it('is no-referrer on every kind of answer', async () => {
    const up = await upload(world.url, world.room.id, world.alice.token, new TextEncoder().encode('hello'));
    const answers = [
      await http(world.url, 'GET', '/'),
      await http(world.url, 'GET', '/manage/'),
      await http(world.url, 'GET', '/api/rooms'),
      await http(world.url, 'GET', '/api/rooms', { token: world.alice.token }),
      await http(world.url, 'GET', '/api/no-such-route'),
      await http(world.url, 'GET', '/api/rooms/%'),
      await http(world.url, 'POST', '/api/session', { body: { user: 'alice', password: 'alice-pw' } }),
      await http(world.url, 'POST', '/api/session', { body: '{not json' }),
      await http(world.url, 'GET', `/api/files/${up.body.fileId}?token=${world.alice.token}`),
      await http(world.url, 'OPTIONS', '/api/rooms', { headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } }),
      await http(world.url, 'GET', '/socket.io/?EIO=4&transport=polling'),
    ];
    for (const [i, answer] of answers.entries()) {
      expect([i, answer.status, answer.headers.get('referrer-policy')]).toEqual([i, answer.status, 'no-referrer']);
    }
  });
});
