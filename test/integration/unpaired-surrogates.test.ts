// PROTOCOL §10: text with an unpaired UTF-16 surrogate is bad_request wherever text is accepted —
// socket payloads and JSON bodies — on both stores (issue 9 #2: '\ud800' was stored as U+FFFD,
// tripling a message). Paired surrogates (emoji, astral letters) are ordinary text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from './helpers/http-client';
import { type ClientSocket, ok, request } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

const LONE = ['\ud800', 'tail \ud83d', '\ude00 head', 'swapped \ude00\ud83d'];

describe('unpaired surrogates', () => {
  let world: World;
  let alice: ClientSocket;

  beforeAll(async () => {
    world = await makeWorld();
    alice = (await connectAs(world, world.alice)).socket;
  });
  afterAll(() => world.close());

  it.each(LONE)('socket: message:send of %j is bad_request and stores nothing', async (text) => {
    const answer = await request(alice, 'message:send', { roomId: world.room.id, clientId: `lone-${text.length}-${text.charCodeAt(0)}`, text });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('socket: the issue’s 8,000 lone surrogates, and lone surrogates in any field or key', async () => {
    expect(await request(alice, 'message:send', { roomId: world.room.id, clientId: 'big', text: '\ud800'.repeat(8000) })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await request(alice, 'search', { query: 'find \udfff' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await request(alice, 'message:send', { roomId: world.room.id, clientId: 'id\ud800', text: 'ok text' })).toMatchObject({ ok: false });
    const raw = alice as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };
    expect(await raw.timeout(5000).emitWithAck('rooms:list', { ['k\ud800']: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const { messages } = await ok(alice, 'room:join', { roomId: world.room.id });
    expect(messages.filter((m) => m.text.includes('\ufffd'))).toEqual([]);
  });

  it('socket: emoji and astral letters (paired surrogates) are stored as sent', async () => {
    const text = 'ship it 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👍🏽';
    const sent = await ok(alice, 'message:send', { roomId: world.room.id, clientId: 'emoji', text });
    expect(sent.message.text).toBe(text);
    expect((await ok(alice, 'room:join', { roomId: world.room.id })).messages.at(-1)?.text).toBe(text);
  });

  it('HTTP: a JSON body carrying a lone surrogate (as the \\u escape JSON allows) is 400 bad_request', async () => {
    const cases: [string, string, string][] = [
      ['POST', '/api/rooms', `{"name":"Room \\ud800","categoryId":"${world.category.id}"}`],
      ['PATCH', `/api/rooms/${world.room.id}`, '{"description":"\\udc00 desc"}'],
      ['POST', '/api/admin/categories', '{"name":"Cat \\ud83d"}'],
      ['POST', '/api/admin/users', '{"name":"eve","displayName":"Eve \\ud800","password":"pw"}'],
      ['POST', `/api/admin/rooms/${world.room.id}/remove-messages`, '{"contains":"\\ud800"}'],
    ];
    for (const [method, path, body] of cases) {
      const answer = await http(world.url, method, path, { token: world.adminToken, body });
      expect([path, answer.status, answer.body.error?.code]).toEqual([path, 400, 'bad_request']);
    }
    const signIn = await http(world.url, 'POST', '/api/session', { body: '{"user":"alice\\ud800","password":"x"}' });
    expect([signIn.status, signIn.body.error.code]).toEqual([400, 'bad_request']);
    // Nothing of it was stored.
    const rooms = await http(world.url, 'GET', '/api/rooms', { token: world.adminToken });
    expect(JSON.stringify(rooms.body)).not.toMatch(/\\ufffd|\ufffd/);
    // A paired escape is fine.
    const fine = await http(world.url, 'PATCH', `/api/rooms/${world.room.id}`, { token: world.adminToken, body: '{"description":"rocket \\ud83d\\ude80"}' });
    expect([fine.status, fine.body.description]).toEqual([200, 'rocket 🚀']);
  });
});
