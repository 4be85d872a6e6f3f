// User accounts as administrators manage them (PROTOCOL.md §7, §10): create, list, update, disable,
// revoke, and the `admin` account that PCHAT_ADMIN_PASSWORD creates or resets at start.
import { randomUUID } from 'node:crypto';
import type { AdminUser, UpdateUserBody } from '../../common/session-api';
import type { Role } from '../domain';
import { AppError } from '../errors';
import type { Storage, UserRecord } from '../storage/repositories';
import type { AuthService } from './auth-service';
import { toUser } from './auth-service';
import { hashPassword, verifyPassword } from './passwords';
import type { UserDirectory } from './user-directory';

export function toAdminUser(record: UserRecord): AdminUser {
  return { ...toUser(record), disabled: record.disabled };
}

/** Administrators are users too: they chat like anyone else. */
const normaliseRoles = (roles: readonly Role[] | undefined): Role[] => (roles?.includes('admin') ? ['admin', 'user'] : ['user']);

export class AccountService {
  constructor(
    private readonly storage: Storage,
    private readonly auth: AuthService,
    /** Kept current right after each write (mentions and invitations resolve names there). */
    private readonly users?: Pick<UserDirectory, 'changed'>,
  ) {}

  async list(): Promise<AdminUser[]> {
    return (await this.storage.users.list()).map(toAdminUser);
  }

  async create(input: { name: string; displayName: string; password: string; roles?: Role[] }): Promise<AdminUser> {
    const taken = () => new AppError('conflict', `user ${input.name} exists`);
    // Names compare case-insensitively (§10): "Alice" is taken once "alice" exists.
    if (await this.storage.users.findByName(input.name)) throw taken();
    const record: UserRecord = {
      id: randomUUID(),
      name: input.name,
      displayName: input.displayName,
      roles: normaliseRoles(input.roles),
      passwordHash: await hashPassword(input.password),
      disabled: false,
    };
    try {
      await this.storage.users.create(record);
      this.users?.changed(record);
    } catch (error) {
      // Two creations racing for one name: the unique index refused the second.
      if (await this.storage.users.findByName(input.name)) throw taken();
      throw error;
    }
    return toAdminUser(record);
  }

  /** PATCH /api/admin/users/:name. A new password or disabling ends every session of the user. */
  async update(name: string, patch: UpdateUserBody): Promise<AdminUser> {
    const existing = await this.find(name);
    const next: UserRecord = {
      ...existing,
      displayName: patch.displayName ?? existing.displayName,
      roles: patch.roles === undefined ? existing.roles : normaliseRoles(patch.roles),
      disabled: patch.disabled ?? existing.disabled,
      passwordHash: patch.password === undefined ? existing.passwordHash : await hashPassword(patch.password),
    };
    await this.storage.users.update(next);
    this.users?.changed(next);
    if (patch.password !== undefined || patch.disabled === true) {
      await this.auth.revokeAll(existing.id);
    } else if (next.displayName !== existing.displayName || next.roles.join() !== existing.roles.join()) {
      // Open sockets hold the user as it was at connect (roles decide what they may do).
      await this.auth.reconnectSockets(existing.id);
    }
    return toAdminUser(next);
  }

  /** DELETE /api/admin/users/:name/sessions. */
  async revokeSessions(name: string): Promise<void> {
    await this.auth.revokeAll((await this.find(name)).id);
  }

  /**
   * Creates the user `admin`, or resets its password and role (PCHAT_ADMIN_PASSWORD). A password
   * that differs from the stored one ends the admin's sessions; the same one changes nothing, so
   * restarting servers (or several sharing a database) do not sign the administrator out.
   */
  async ensureAdmin(password: string): Promise<void> {
    const existing = await this.storage.users.findByName('admin');
    if (!existing) {
      await this.create({ name: 'admin', displayName: 'Administrator', password, roles: ['admin'] });
      return;
    }
    const same = await verifyPassword(password, existing.passwordHash);
    const next: UserRecord = {
      ...existing,
      roles: ['admin', 'user'],
      disabled: false,
      passwordHash: same ? existing.passwordHash : await hashPassword(password),
    };
    await this.storage.users.update(next);
    this.users?.changed(next);
    if (!same) await this.auth.revokeAll(existing.id);
  }

  private async find(name: string): Promise<UserRecord> {
    const record = await this.storage.users.findByName(name);
    if (!record) throw new AppError('not_found', `no user named ${name}`);
    return record;
  }
}
