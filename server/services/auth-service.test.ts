// AuthService over a real SQLite store in a temporary directory.
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/repositories';
import { openSqliteStorage } from '../storage/sqlite-storage';
import { AuthService } from './auth-service';
import { DomainEventBus } from './events';

describe('AuthService', () => {
  let dir: string;
  let storage: Storage;
  let clock: number;
  let auth: AuthService;
  let events: DomainEventBus;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pchat-auth-'));
    storage = await openSqliteStorage(dir);
    clock = Date.parse('2026-05-01T12:00:00Z');
    events = new DomainEventBus();
    auth = new AuthService(storage, events, () => clock);
    await auth.createUser({ name: 'ana', displayName: 'Ana', password: 'correct horse' });
  });
  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('hand-off codes work for 60 seconds, once', async () => {
    const { token, user } = await auth.signIn('ana', 'correct horse');
    const fresh = await auth.createHandoff(user.id);
    clock += 59_000;
    expect((await auth.redeemHandoff(fresh.code)).user.name).toBe('ana');
    await expect(auth.redeemHandoff(fresh.code)).rejects.toMatchObject({ code: 'unauthorized' });

    const stale = await auth.createHandoff(user.id);
    clock += 60_001;
    await expect(auth.redeemHandoff(stale.code)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await auth.authenticate(token)).toBeDefined();
  });

  it('stores only hashes of tokens, codes and passwords', async () => {
    const { token, user } = await auth.signIn('ana', 'correct horse');
    const { code } = await auth.createHandoff(user.id);
    const raw = new Database(join(dir, 'pchat.db'), { readonly: true });
    const dump = JSON.stringify([
      raw.prepare('select * from sessions').all(),
      raw.prepare('select * from handoff_codes').all(),
      raw.prepare('select * from users').all(),
    ]);
    raw.close();
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain('correct horse');
  });

  it('revokes a token at once and announces it', async () => {
    const { token } = await auth.signIn('ana', 'correct horse');
    const session = (await auth.authenticate(token))!;
    const revoked: string[] = [];
    events.on('session:revoked', (hash) => revoked.push(hash));
    await auth.signOut(session.tokenHash);
    expect(await auth.authenticate(token)).toBeUndefined();
    expect(revoked).toEqual([session.tokenHash]);
  });

  it('refuses wrong passwords and unknown users alike, and resets the admin password', async () => {
    await expect(auth.signIn('ana', 'wrong')).rejects.toMatchObject({ code: 'bad_credentials' });
    await expect(auth.signIn('nobody', 'correct horse')).rejects.toMatchObject({ code: 'bad_credentials' });
    await auth.ensureAdmin('first');
    await auth.ensureAdmin('second');
    await expect(auth.signIn('admin', 'first')).rejects.toMatchObject({ code: 'bad_credentials' });
    expect((await auth.signIn('admin', 'second')).user.roles).toContain('admin');
  });

  it('refuses a name after ten failed sign-ins for five minutes, even with the right password', async () => {
    for (let i = 0; i < 10; i++) await expect(auth.signIn('ana', `guess ${i}`)).rejects.toMatchObject({ code: 'bad_credentials' });
    await expect(auth.signIn('ana', 'correct horse')).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(auth.signIn('ANA', 'correct horse')).rejects.toMatchObject({ code: 'rate_limited' });
    await auth.createUser({ name: 'bo', displayName: 'Bo', password: 'pw' });
    expect((await auth.signIn('bo', 'pw')).user.name).toBe('bo');
    clock += 5 * 60_000 + 1;
    expect((await auth.signIn('ana', 'correct horse')).user.name).toBe('ana');
  });
});
