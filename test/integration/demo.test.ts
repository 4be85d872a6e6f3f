import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { http, signIn } from './helpers/http-client';
import { closeAllSockets, connect, ok, request } from './helpers/socket-client';

describe('--demo', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pchat-demo-'));
  });
  afterAll(async () => {
    closeAllSockets();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds an empty database once, and points the demo add-in at this server', async () => {
    const first = await startServer({ host: '127.0.0.1', port: 0, dataDir, demo: true, webRoot: join(dataDir, 'none') });
    try {
      expect(first.demoSignIns?.map((s) => s.user)).toEqual(['alice', 'bob', 'carol', 'admin']);
      const alice = await signIn(first.url, 'alice', 'alice');
      const { socket } = await connect(first.url, alice.token);
      const { rooms, categories } = await ok(socket, 'rooms:list', {});
      expect(rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['Lobby', 'Town hall', 'Project X', 'Skunkworks', 'Coffee corner', 'Trading floor']));
      expect(categories.find((c) => !c.fileUpload)).toBeDefined();
      expect(categories.find((c) => !c.chatHistory)).toBeDefined();

      const lobby = await ok(socket, 'room:join', { roomId: rooms.find((r) => r.name === 'Lobby')!.id });
      expect(lobby.messages).toHaveLength(30);
      expect(lobby.hasMore).toBe(true);
      const trading = await ok(socket, 'room:join', { roomId: rooms.find((r) => r.name === 'Trading floor')!.id });
      // On a listener of its own: another origin than the app whatever host name is typed (issue 9 #10).
      const addinUrl = new URL(trading.room.addin!.url);
      expect(addinUrl.pathname).toBe('/demo/ticker-addin.html');
      expect(addinUrl.hostname).toBe('127.0.0.1');
      expect(addinUrl.port).not.toBe(new URL(first.url).port);
      const townHall = await ok(socket, 'room:join', { roomId: rooms.find((r) => r.name === 'Town hall')!.id });
      expect(townHall.room).toMatchObject({ type: 'auditorium', canPost: true });
      const bob = await signIn(first.url, 'bob', 'bob');
      const bobSocket = (await connect(first.url, bob.token)).socket;
      expect((await ok(bobSocket, 'rooms:list', {})).rooms.map((r) => r.name)).not.toContain('Skunkworks');
      expect(await request(bobSocket, 'message:send', { roomId: townHall.room.id, clientId: 'b', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const page = await fetch(trading.room.addin!.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('ticker-addin.js');
      expect(page.headers.get('content-security-policy')).not.toContain('frame-ancestors');
      expect((await fetch(`${addinUrl.origin}/demo/ticker-addin.js`)).headers.get('content-type')).toContain('javascript');
      // The app's own origin does not serve it (nor anything else that may be framed).
      const onApp = await fetch(`${first.url}/demo/ticker-addin.html`);
      expect(onApp.status).toBe(404);
      expect(onApp.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      closeAllSockets();
      await first.close();
    }

    const second = await startServer({ host: '127.0.0.1', port: 0, dataDir, demo: true, webRoot: join(dataDir, 'none') });
    try {
      expect(second.demoSignIns).toBeUndefined();
      const admin = await signIn(second.url, 'admin', 'admin');
      const exported = await http<{ rooms: { name: string }[]; addins: unknown }>(second.url, 'GET', '/api/admin/export', { token: admin.token });
      expect(exported.body.rooms.filter((r) => r.name === 'Lobby')).toHaveLength(1);
      const [tickers] = exported.body.addins as { name: string; url: string }[];
      expect(tickers?.name).toBe('Tickers');
      // The stored URL follows the add-in's listener, which has a new port after the restart.
      expect(new URL(tickers!.url).port).not.toBe(new URL(second.url).port);
      expect((await fetch(tickers!.url)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
