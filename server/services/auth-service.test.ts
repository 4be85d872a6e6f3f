// AuthService and AccountService over a real SQLite store in a temporary directory, with a clock
// the test moves, so expiry is tested without waiting.
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/repositories';
import { openSqliteStorage } from '../storage/sqlite-storage';
import { AccountService } from './account-service';
import { AuthService, type Authenticated } from './auth-service';
import { DomainEventBus } from './events';
import { hashSecret } from './tokens';

const HERE = '127.0.0.1';
const MINUTE = 60_000;

describe('AuthService', () => {
  let dir: string;
  let storage: Storage;
  let clock: number;
  let auth: AuthService;
  let accounts: AccountService;
  let revoked: string[];
  let touches: number;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pchat-auth-'));
    storage = await openSqliteStorage(dir);
    // Count the sessions whose last-used time is written, one at a time or in a batch, on the
    // real repository.
    const touch = storage.sessions.touch.bind(storage.sessions);
    const touchMany = storage.sessions.touchMany.bind(storage.sessions);
    touches = 0;
    storage.sessions.touch = (...args) => {
      touches += 1;
      return touch(...args);
    };
    storage.sessions.touchMany = (uses) => {
      touches += uses.length;
      return touchMany(uses);
    };
    clock = Date.parse('2026-05-01T12:00:00Z');
    const events = new DomainEventBus();
    revoked = [];
    events.on('session:revoked', (hash) => revoked.push(hash));
    auth = new AuthService(storage, events, () => clock);
    accounts = new AccountService(storage, auth);
    await accounts.create({ name: 'ana', displayName: 'Ana', password: 'correct horse' });
  });
  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const signIn = (name = 'ana', password = 'correct horse', address = HERE) => auth.signIn(name, password, address);
  const session = async (token: string): Promise<Authenticated> => (await auth.authenticate(token))!;

  it('hand-off codes work for 60 seconds, once, and die with the session that asked for them', async () => {
    const { token } = await signIn();
    const caller = await session(token);
    const fresh = await auth.createHandoff(caller);
    clock += 59_000;
    expect((await auth.redeemHandoff(fresh.code)).user.name).toBe('ana');
    await expect(auth.redeemHandoff(fresh.code)).rejects.toMatchObject({ code: 'unauthorized' });

    const stale = await auth.createHandoff(caller);
    clock += 60_001;
    await expect(auth.redeemHandoff(stale.code)).rejects.toMatchObject({ code: 'unauthorized' });

    const orphan = await auth.createHandoff(caller);
    await auth.signOut(caller.tokenHash);
    await expect(auth.redeemHandoff(orphan.code)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('stores only hashes of tokens, codes and passwords, and a random session id', async () => {
    const { token } = await signIn();
    const { code } = await auth.createHandoff(await session(token));
    const raw = new Database(join(dir, 'pchat.db'), { readonly: true });
    const sessions = raw.prepare('select * from sessions').all() as { id: string; token_hash: string }[];
    const dump = JSON.stringify([sessions, raw.prepare('select * from handoff_codes').all(), raw.prepare('select * from users').all()]);
    raw.close();
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain('correct horse');
    expect(sessions[0]!.id).not.toBe(sessions[0]!.token_hash);
    expect(sessions[0]!.token_hash).not.toContain(sessions[0]!.id.replace(/-/g, ''));
  });

  it('revokes a token at once and announces it', async () => {
    const { token } = await signIn();
    const caller = await session(token);
    await auth.signOut(caller.tokenHash);
    expect(await auth.authenticate(token)).toBeUndefined();
    expect(revoked).toEqual([caller.tokenHash]);
  });

  it('answers expiresAt and ends a session after the idle limit, or the absolute one, whichever is first', async () => {
    const signedIn = await signIn();
    expect(signedIn.expiresAt).toBe(new Date(clock + 20_160 * MINUTE).toISOString());
    await auth.policy.put({ sessionIdleMinutes: 10, sessionMaxMinutes: 25 });
    // Used every 9 minutes: the idle limit never strikes, the absolute one does at 25 minutes.
    for (let i = 0; i < 2; i++) {
      clock += 9 * MINUTE;
      expect(await auth.authenticate(signedIn.token)).toBeDefined();
    }
    clock += 7 * MINUTE - 1; // 24:59.999 after sign-in
    expect(await auth.authenticate(signedIn.token)).toBeDefined();
    clock += 1;
    expect(await auth.authenticate(signedIn.token)).toBeUndefined();
    expect(revoked).toEqual([hashSecret(signedIn.token)]);

    const idle = await signIn();
    clock += 10 * MINUTE - 1;
    expect(await auth.authenticate(idle.token)).toBeDefined();
    clock += 10 * MINUTE;
    expect(await auth.authenticate(idle.token)).toBeUndefined();
  });

  it('applies a change of the limits to existing sessions, measured from their issue and last use', async () => {
    const { token } = await signIn();
    clock += 30 * MINUTE;
    expect(await auth.authenticate(token)).toBeDefined();
    await auth.policy.put({ sessionMaxMinutes: 30 });
    expect(await auth.authenticate(token)).toBeUndefined();
    const other = await signIn();
    clock += 5 * MINUTE;
    await auth.policy.put({ sessionMaxMinutes: null, sessionIdleMinutes: 5 });
    expect(await auth.authenticate(other.token)).toBeUndefined();
  });

  it('writes the last use at most once a minute per session, and idle expiry still sees the uses in between', async () => {
    await auth.policy.put({ sessionIdleMinutes: 2 });
    const { token } = await signIn();
    const tokenHash = hashSecret(token);
    for (let i = 0; i < 100; i++) {
      clock += 500;
      await auth.authenticate(token);
    }
    expect(touches).toBe(0); // 50 s of requests
    clock += 11_000;
    await auth.authenticate(token);
    expect(touches).toBe(1);
    expect((await storage.sessions.find(tokenHash))!.lastUsedAt).toBe(new Date(clock).toISOString());
    // Socket events are uses too, kept in memory; the sweep writes them a minute later.
    clock += 30_000;
    expect(auth.noteSocketUse(tokenHash)).toBe(true);
    const usedAt = clock;
    await auth.sweep(new Set([tokenHash]));
    expect(touches).toBe(1);
    clock += 30_000;
    await auth.sweep(new Set([tokenHash]));
    expect(touches).toBe(2);
    expect((await storage.sessions.find(tokenHash))!.lastUsedAt).toBe(new Date(usedAt).toISOString());
    clock = usedAt + 2 * MINUTE - 1;
    expect(await auth.authenticate(token)).toBeDefined();
  });

  it('sweeps the open sockets: an expired session is revoked (its sockets close), a live one is not', async () => {
    await auth.policy.put({ sessionIdleMinutes: 1 });
    const idle = hashSecret((await signIn()).token);
    const busy = hashSecret((await signIn()).token);
    const open = new Set([idle, busy]);
    for (let i = 0; i < 4; i++) {
      clock += 20_000;
      auth.noteSocketUse(busy);
      await auth.sweep(open);
      for (const hash of revoked) open.delete(hash); // as live-updates.ts closes their sockets
    }
    expect(revoked).toEqual([idle]);
    expect(await storage.sessions.find(idle)).toBeUndefined();
    expect(await storage.sessions.find(busy)).toBeDefined();
    await auth.policy.put({ sessionMaxMinutes: 1 });
    expect(auth.noteSocketUse(busy)).toBe(false);
  });

  it('writes a minute of socket uses of thousands of sessions without holding the event loop', async () => {
    // Sessions made in the store and taken in as a socket's connect does (no scrypt sign-ins).
    const tokens = Array.from({ length: 1_200 }, (_, i) => `socket-token-${i}`);
    const hashes = tokens.map(hashSecret);
    const { id: userId } = (await storage.users.findByName('ana'))!;
    const startedAt = new Date(clock).toISOString();
    for (const [i, token] of tokens.entries()) {
      await storage.sessions.create({ id: `id-${i}`, tokenHash: hashes[i]!, userId, createdAt: startedAt, lastUsedAt: startedAt });
      await auth.authenticate(token);
    }
    clock += MINUTE + 1_000;
    for (const tokenHash of hashes) auth.noteSocketUse(tokenHash);
    const usedAt = new Date(clock).toISOString();

    // SQLite answers synchronously: a sweep that wrote one session per statement, awaiting each,
    // ran them all in one macrotask, and the server's sockets waited (600 ms at 5,000 users).
    let timerRanDuringSweep = false;
    let sweeping = true;
    setImmediate(() => (timerRanDuringSweep = sweeping));
    await auth.sweep(new Set(hashes));
    sweeping = false;

    expect(timerRanDuringSweep).toBe(true);
    expect(touches).toBe(hashes.length);
    for (const tokenHash of [hashes[0]!, hashes.at(-1)!]) expect((await storage.sessions.find(tokenHash))!.lastUsedAt).toBe(usedAt);
    expect(revoked).toEqual([]);
  });

  it('deletes sessions that expired long ago from the store, every ten minutes', async () => {
    await auth.policy.put({ sessionIdleMinutes: 1 });
    const forgotten = hashSecret((await signIn()).token);
    clock += 11 * MINUTE; // idle for 11 minutes: past the limit, not yet past the cleanup margin
    await auth.sweep(new Set());
    expect(await storage.sessions.find(forgotten)).toBeDefined();
    clock += 10 * MINUTE;
    await auth.sweep(new Set());
    expect(await storage.sessions.find(forgotten)).toBeUndefined();
  });

  it('lists the caller\'s own sessions, ends one by id (another\'s is not found) or all', async () => {
    const first = await session((await signIn()).token);
    clock += MINUTE;
    const second = await session((await signIn()).token);
    const listed = await auth.listSessions(second);
    expect(listed.map((s) => s.current)).toEqual([false, true]);
    expect(listed[1]!.expiresAt).toBe(new Date(clock + 20_160 * MINUTE).toISOString());
    await accounts.create({ name: 'bo', displayName: 'Bo', password: 'pw' });
    const bo = await session((await signIn('bo', 'pw')).token);
    await expect(auth.revokeSession(bo, listed[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
    await auth.revokeSession(second, listed[0]!.id);
    expect(revoked).toEqual([first.tokenHash]);
    await auth.revokeAll(second.user.id);
    expect(await auth.authenticate((await signIn('bo', 'pw')).token)).toBeDefined();
    expect(await auth.listSessions(second)).toEqual([]);
  });

  it('changes the password: a wrong current one is bad_credentials, the right one ends the other sessions', async () => {
    const other = await session((await signIn()).token);
    const caller = await session((await signIn()).token);
    await expect(auth.changePassword(caller, 'wrong', 'new pw', HERE)).rejects.toMatchObject({ code: 'bad_credentials' });
    await auth.changePassword(caller, 'correct horse', 'new pw', HERE);
    expect(revoked).toEqual([other.tokenHash]);
    expect((await auth.listSessions(caller)).map((s) => s.current)).toEqual([true]);
    await expect(signIn()).rejects.toMatchObject({ code: 'bad_credentials' });
    expect((await signIn('ana', 'new pw')).user.name).toBe('ana');
  });

  it('refuses wrong passwords, unknown and disabled users alike; finds names case-insensitively', async () => {
    await expect(signIn('ana', 'wrong')).rejects.toMatchObject({ code: 'bad_credentials' });
    await expect(signIn('nobody')).rejects.toMatchObject({ code: 'bad_credentials' });
    expect((await signIn('ANA')).user.name).toBe('ana');
    await expect(accounts.create({ name: 'Ana', displayName: 'Other', password: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    const open = await signIn();
    const updated = await accounts.update('Ana', { disabled: true });
    expect(updated).toMatchObject({ name: 'ana', disabled: true });
    expect(revoked).toHaveLength(2); // this one and the one signed in as "ANA"
    expect(revoked).toContain(hashSecret(open.token));
    await expect(signIn()).rejects.toMatchObject({ code: 'bad_credentials' });
    await accounts.update('ana', { disabled: false, displayName: 'Ana B', roles: ['admin'] });
    expect((await signIn()).user).toMatchObject({ displayName: 'Ana B', roles: ['admin', 'user'] });
    await expect(accounts.update('nobody', { disabled: true })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('PCHAT_ADMIN_PASSWORD: the same password keeps the admin signed in, a different one ends its sessions', async () => {
    await accounts.ensureAdmin('first');
    const kept = await signIn('admin', 'first');
    await accounts.ensureAdmin('first');
    expect(await auth.authenticate(kept.token)).toBeDefined();
    await accounts.ensureAdmin('second');
    expect(await auth.authenticate(kept.token)).toBeUndefined();
    await expect(signIn('admin', 'first')).rejects.toMatchObject({ code: 'bad_credentials' });
    expect((await signIn('admin', 'second')).user.roles).toContain('admin');
  });

  it('throttles per name and address: ten failures, then rate_limited even for the right password there', async () => {
    for (let i = 0; i < 10; i++) await expect(signIn('ana', `guess ${i}`)).rejects.toMatchObject({ code: 'bad_credentials' });
    await expect(signIn()).rejects.toMatchObject({ code: 'rate_limited', extra: { retryAfterS: 300 } });
    await expect(signIn('ANA')).rejects.toMatchObject({ code: 'rate_limited' });
    expect((await signIn('ana', 'correct horse', '10.1.2.3')).user.name).toBe('ana');
    clock += 5 * MINUTE + 1;
    expect((await signIn()).user.name).toBe('ana');
  });

  it('evaluates at most ten of sixty parallel wrong guesses', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => signIn('ana', `guess ${i}`)));
    const codes = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code: string }).code : 'ok'));
    expect(codes.filter((c) => c === 'bad_credentials')).toHaveLength(10);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(50);
  });
});
