// Sign-in, bearer tokens, hand-off codes and the caller's own sessions (PROTOCOL.md §1, §10).
// A session is checked against the store on every HTTP request (so a revocation anywhere applies
// at once) but written at most once a minute (session-activity.ts); sockets are checked when they
// connect, and sweep() ends those whose session has expired since.
import { randomUUID } from 'node:crypto';
import type { SessionResponse } from '../../common/protocol';
import type { SessionInfo } from '../../common/session-api';
import type { User } from '../domain';
import { AppError } from '../errors';
import type { SessionRecord, Storage, UserRecord } from '../storage/repositories';
import type { DomainEventBus } from './events';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords';
import { SessionActivity, type LiveSession } from './session-activity';
import { SessionPolicy, sessionExpiresAt } from './session-policy';
import { SignInThrottle } from './sign-in-throttle';
import { hashSecret, newSecret } from './tokens';

export const HANDOFF_TTL_S = 60;
/** How often sweep() also deletes sessions that expired long ago (they would only pile up). */
const CLEANUP_EVERY_MS = 10 * 60_000;
/** Other servers may hold uses the store has not heard of yet: leave them this much room. */
const CLEANUP_MARGIN_MS = 10 * 60_000;

export interface Authenticated {
  user: User;
  tokenHash: string;
}

export function toUser(record: UserRecord): User {
  return { id: record.id, name: record.name, displayName: record.displayName, roles: [...record.roles] };
}

const iso = (ms: number): string => new Date(ms).toISOString();

export class AuthService {
  readonly policy: SessionPolicy;
  private readonly activity = new SessionActivity();
  private readonly throttle: SignInThrottle;
  private lastCleanup: number;

  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    /** Milliseconds since the epoch; a parameter so expiry can be tested without waiting. */
    private readonly now: () => number = Date.now,
  ) {
    this.throttle = new SignInThrottle(now);
    this.policy = new SessionPolicy(storage.config, now);
    this.lastCleanup = now();
  }

  /** POST /api/session. `address` is the client's, for the throttle. */
  async signIn(name: string, password: string, address: string): Promise<SessionResponse> {
    return this.issueToken(await this.checkPassword(name, password, address));
  }

  /**
   * The account `name` if `password` is its password and it may sign in; else bad_credentials,
   * or rate_limited once the throttle's budget for this name and address is spent.
   */
  async checkPassword(name: string, password: string, address: string): Promise<UserRecord> {
    const reservation = this.throttle.reserve(name, address);
    if ('retryAfterS' in reservation) {
      throw new AppError('rate_limited', 'too many failed sign-ins; try again later', { retryAfterS: reservation.retryAfterS });
    }
    const { slot } = reservation;
    try {
      const record = await this.storage.users.findByName(name);
      const ok = await verifyPassword(password, record?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!record || !ok || record.disabled) {
        slot.failed();
        throw new AppError('bad_credentials', 'wrong user name or password');
      }
      slot.succeeded();
      return record;
    } finally {
      slot.release(); // only when neither of the above ran (a store failure): it does not count
    }
  }

  async authenticate(token: string | undefined): Promise<Authenticated | undefined> {
    if (token === undefined || token.length === 0 || token.length > 200) return undefined;
    const tokenHash = hashSecret(token);
    const record = await this.storage.sessions.find(tokenHash);
    if (!record) {
      this.activity.forget(tokenHash);
      return undefined;
    }
    const live = this.activity.merge(record);
    const now = this.now();
    if (now >= sessionExpiresAt(live, await this.policy.current())) {
      await this.revoke(tokenHash);
      return undefined;
    }
    const user = await this.storage.users.findById(record.userId);
    if (!user || user.disabled) return undefined;
    if (this.activity.use(tokenHash, now)) await this.touch(tokenHash, now);
    return { user: toUser(user), tokenHash };
  }

  /**
   * A socket event used the session (no store access here). False when the session is past its
   * absolute limit, which needs no other server's view; idle expiry is sweep()'s job.
   */
  noteSocketUse(tokenHash: string): boolean {
    const live = this.activity.get(tokenHash);
    if (!live) return true;
    const now = this.now();
    if (now >= live.createdAt + this.policy.known.sessionMaxMinutes * 60_000) return false;
    this.activity.use(tokenHash, now);
    return true;
  }

  async signOut(tokenHash: string): Promise<void> {
    await this.revoke(tokenHash);
  }

  /** Ends one session at once: its row (and so its hand-off codes), then its sockets everywhere. */
  async revoke(tokenHash: string): Promise<void> {
    await this.storage.sessions.delete(tokenHash);
    this.activity.forget(tokenHash);
    this.events.emit('session:revoked', tokenHash);
  }

  /** Ends every session of the user, or every one but `keepTokenHash`. */
  async revokeAll(userId: string, keepTokenHash?: string): Promise<void> {
    for (const tokenHash of await this.storage.sessions.deleteForUser(userId, keepTokenHash)) {
      this.activity.forget(tokenHash);
      this.events.emit('session:revoked', tokenHash);
    }
  }

  /**
   * Closes the user's open sockets without ending their sessions: a socket carries the user as it
   * was at connect, so after a change of roles or name the client reconnects and gets the new one.
   */
  async reconnectSockets(userId: string): Promise<void> {
    for (const session of await this.storage.sessions.listForUser(userId)) this.events.emit('session:revoked', session.tokenHash);
  }

  async listSessions(caller: Authenticated): Promise<SessionInfo[]> {
    const config = await this.policy.current();
    const now = this.now();
    const sessions: SessionInfo[] = [];
    for (const record of await this.storage.sessions.listForUser(caller.user.id)) {
      const times = this.timesOf(record);
      const expiresAt = sessionExpiresAt(times, config);
      if (now >= expiresAt) continue;
      sessions.push({
        id: record.id,
        createdAt: record.createdAt,
        lastUsedAt: iso(times.lastUsedAt),
        expiresAt: iso(expiresAt),
        current: record.tokenHash === caller.tokenHash,
      });
    }
    return sessions;
  }

  /** DELETE /api/sessions/:id: one of the caller's own sessions; anyone else's is not_found. */
  async revokeSession(caller: Authenticated, id: string): Promise<void> {
    const tokenHash = await this.storage.sessions.deleteById(caller.user.id, id);
    if (tokenHash === undefined) throw new AppError('not_found', 'no such session');
    this.activity.forget(tokenHash);
    this.events.emit('session:revoked', tokenHash);
  }

  /** PUT /api/me/password: throttled like a sign-in; every other session of the caller ends. */
  async changePassword(caller: Authenticated, current: string, next: string, address: string): Promise<void> {
    const record = await this.checkPassword(caller.user.name, current, address);
    await this.storage.users.update({ ...record, passwordHash: await hashPassword(next) });
    await this.revokeAll(record.id, caller.tokenHash);
  }

  async createHandoff(caller: Authenticated): Promise<{ code: string; expiresInS: number }> {
    const code = newSecret();
    const now = this.now();
    await this.storage.sessions.createHandoff(hashSecret(code), caller.user.id, caller.tokenHash, iso(now + HANDOFF_TTL_S * 1000), iso(now));
    return { code, expiresInS: HANDOFF_TTL_S };
  }

  async redeemHandoff(code: string): Promise<SessionResponse> {
    const refused = () => new AppError('unauthorized', 'the code is unknown, used or expired');
    const consumed = await this.storage.sessions.consumeHandoff(hashSecret(code), iso(this.now()));
    if (!consumed) throw refused();
    // The asking session must still be alive: not only present, but not expired either.
    const asking = await this.storage.sessions.find(consumed.sessionTokenHash);
    if (!asking || this.now() >= sessionExpiresAt(this.timesOf(asking), await this.policy.current())) throw refused();
    const record = await this.storage.users.findById(consumed.userId);
    if (!record || record.disabled) throw refused();
    return this.issueToken(record);
  }

  /**
   * Run every few seconds by the socket layer with the token hashes of its open sockets: tells the
   * store of pending uses, ends the sessions (and so the sockets) that expired, forgets idle ones.
   */
  async sweep(openTokenHashes: ReadonlySet<string>): Promise<void> {
    const config = await this.policy.current();
    const now = this.now();
    await this.storeUses(this.activity.pending(now));
    for (const tokenHash of openTokenHashes) {
      const live = this.activity.get(tokenHash);
      if (live && now < sessionExpiresAt(live, config)) continue;
      // Expired as far as this server knows, or not known here: ask the store, which has the uses
      // other servers reported, before ending it.
      const record = await this.storage.sessions.find(tokenHash);
      const fresh = record && this.activity.merge(record);
      if (!fresh || now >= sessionExpiresAt(fresh, config)) await this.revoke(tokenHash);
    }
    this.activity.prune(now, (tokenHash) => openTokenHashes.has(tokenHash));
    if (now - this.lastCleanup >= CLEANUP_EVERY_MS) {
      this.lastCleanup = now;
      // No announcement: these expired long ago, so no server still holds a socket it has not
      // swept (each server's sweep ends its own sockets, asking the store first).
      const stale = await this.storage.sessions.deleteStale(
        iso(now - config.sessionIdleMinutes * 60_000 - CLEANUP_MARGIN_MS),
        iso(now - config.sessionMaxMinutes * 60_000),
      );
      for (const tokenHash of stale) this.activity.forget(tokenHash);
    }
  }

  private async issueToken(record: UserRecord): Promise<SessionResponse> {
    const token = newSecret();
    const now = this.now();
    const session: SessionRecord = { id: randomUUID(), tokenHash: hashSecret(token), userId: record.id, createdAt: iso(now), lastUsedAt: iso(now) };
    await this.storage.sessions.create(session);
    this.activity.merge(session);
    const expiresAt = sessionExpiresAt({ createdAt: now, lastUsedAt: now }, await this.policy.current());
    return { token, user: toUser(record), expiresAt: iso(expiresAt) };
  }

  private timesOf(record: SessionRecord): Pick<LiveSession, 'createdAt' | 'lastUsedAt'> {
    const stored = Date.parse(record.lastUsedAt);
    return { createdAt: Date.parse(record.createdAt), lastUsedAt: Math.max(stored, this.activity.get(record.tokenHash)?.lastUsedAt ?? stored) };
  }

  /** Every socket counts as a use, so each minute this is about every open session: one batch. */
  private async storeUses(uses: { tokenHash: string; lastUsedAt: number }[]): Promise<void> {
    if (uses.length === 0) return;
    await this.storage.sessions.touchMany(uses.map((use) => ({ tokenHash: use.tokenHash, lastUsedAt: iso(use.lastUsedAt) })));
    for (const use of uses) this.activity.stored(use.tokenHash, use.lastUsedAt);
  }

  private async touch(tokenHash: string, lastUsedAt: number): Promise<void> {
    await this.storage.sessions.touch(tokenHash, iso(lastUsedAt));
    this.activity.stored(tokenHash, lastUsedAt);
  }
}
