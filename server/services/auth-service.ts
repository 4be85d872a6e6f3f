// Sign-in, bearer tokens, hand-off codes and user accounts.
import { randomUUID } from 'node:crypto';
import type { Role, User } from '../domain';
import { AppError } from '../errors';
import type { Storage, UserRecord } from '../storage/repositories';
import type { DomainEventBus } from './events';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords';
import { SignInThrottle } from './sign-in-throttle';
import { hashSecret, newSecret } from './tokens';

export const HANDOFF_TTL_S = 60;

export interface Authenticated {
  user: User;
  tokenHash: string;
}

export function toUser(record: UserRecord): User {
  return { id: record.id, name: record.name, displayName: record.displayName, roles: [...record.roles] };
}

export class AuthService {
  constructor(
    private readonly storage: Storage,
    private readonly events: DomainEventBus,
    /** Milliseconds since the epoch; a parameter so expiry can be tested without waiting. */
    private readonly now: () => number = Date.now,
  ) {
    this.throttle = new SignInThrottle(now);
  }

  private readonly throttle: SignInThrottle;

  async signIn(name: string, password: string): Promise<{ token: string; user: User }> {
    if (!this.throttle.allowed(name)) throw new AppError('rate_limited', 'too many failed sign-ins; try again in a few minutes');
    const record = await this.storage.users.findByName(name);
    const ok = await verifyPassword(password, record?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!record || !ok) {
      this.throttle.failed(name);
      throw new AppError('bad_credentials', 'wrong user name or password');
    }
    this.throttle.succeeded(name);
    return this.issueToken(record);
  }

  async authenticate(token: string | undefined): Promise<Authenticated | undefined> {
    if (token === undefined || token.length === 0 || token.length > 200) return undefined;
    const tokenHash = hashSecret(token);
    const userId = await this.storage.sessions.findUserId(tokenHash);
    const record = userId === undefined ? undefined : await this.storage.users.findById(userId);
    return record && { user: toUser(record), tokenHash };
  }

  async signOut(tokenHash: string): Promise<void> {
    await this.storage.sessions.delete(tokenHash);
    this.events.emit('session:revoked', tokenHash);
  }

  async createHandoff(userId: string): Promise<{ code: string; expiresInS: number }> {
    const code = newSecret();
    const now = this.now();
    const expiresAt = new Date(now + HANDOFF_TTL_S * 1000).toISOString();
    await this.storage.sessions.createHandoff(hashSecret(code), userId, expiresAt, new Date(now).toISOString());
    return { code, expiresInS: HANDOFF_TTL_S };
  }

  async redeemHandoff(code: string): Promise<{ token: string; user: User }> {
    const userId = await this.storage.sessions.consumeHandoff(hashSecret(code), new Date(this.now()).toISOString());
    const record = userId === undefined ? undefined : await this.storage.users.findById(userId);
    if (!record) throw new AppError('unauthorized', 'the code is unknown, used or expired');
    return this.issueToken(record);
  }

  async createUser(input: { name: string; displayName: string; password: string; roles?: Role[] }): Promise<User> {
    if (await this.storage.users.findByName(input.name)) throw new AppError('conflict', `user ${input.name} exists`);
    const roles: Role[] = input.roles?.includes('admin') ? ['admin', 'user'] : ['user'];
    const record: UserRecord = {
      id: randomUUID(),
      name: input.name,
      displayName: input.displayName,
      roles,
      passwordHash: await hashPassword(input.password),
    };
    await this.storage.users.create(record);
    return toUser(record);
  }

  /** Creates the user `admin`, or resets its password and role (PCHAT_ADMIN_PASSWORD). */
  async ensureAdmin(password: string): Promise<void> {
    const existing = await this.storage.users.findByName('admin');
    if (!existing) {
      await this.createUser({ name: 'admin', displayName: 'Administrator', password, roles: ['admin'] });
      return;
    }
    await this.storage.users.update({ ...existing, roles: ['admin', 'user'], passwordHash: await hashPassword(password) });
  }

  private async issueToken(record: UserRecord): Promise<{ token: string; user: User }> {
    const token = newSecret();
    await this.storage.sessions.create(hashSecret(token), record.id, new Date(this.now()).toISOString());
    return { token, user: toUser(record) };
  }
}
