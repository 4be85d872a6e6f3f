// user add | list | set | revoke — sign-ins (POST /api/admin/users; listing uses GET
// /api/admin/users where the server has it, else the export; PATCH /api/admin/users/:name and
// DELETE /api/admin/users/:name/sessions, PROTOCOL.md §10). Persistent Chat took its users from
// Active Directory; pchat keeps its own, so this job has no cmdlet counterpart.
import type { Command } from 'commander';
import type { z } from 'zod';
import type { Role, User } from '../../../common/protocol';
import type { AdminUser, UpdateUserBody } from '../../../common/session-api';
import type { createUserBody } from '../../http/schemas';
import { apiPath } from '../api-client';
import type { CliContext } from '../context';
import { LookupError, UsageError } from '../errors';
import { listUsers } from '../lookup';
import { formatFields, formatTable } from '../output';
import { definedFields, refuseBoth } from '../parse';

export interface UserAddOptions {
  displayName?: string;
  password?: string;
  admin?: boolean;
}

/** The server's own request schema, as a type only: the CLI stays a plain HTTP client at run time. */
export type NewUserBody = z.input<typeof createUserBody>;

export function buildNewUser(name: string, options: UserAddOptions): NewUserBody {
  if (name.trim() === '') throw new UsageError('the user name must not be empty');
  if (options.password === undefined || options.password === '') throw new UsageError('user add needs --password');
  return {
    name: name.trim(),
    displayName: options.displayName?.trim() || name.trim(),
    password: options.password,
    // Administrators are users too: they chat like anyone else.
    ...(options.admin === true ? { roles: ['admin', 'user'] satisfies Role[] } : {}),
  };
}

export interface UserSetOptions {
  password?: string;
  displayName?: string;
  disable?: boolean;
  enable?: boolean;
  /** true after --admin, false after --no-admin. */
  admin?: boolean;
}

/** Options → PATCH body: only what was given; at least one change. */
export function buildUserPatch(options: UserSetOptions): UpdateUserBody {
  refuseBoth(options.disable, options.enable, '--disable and --enable');
  if (options.password === '') throw new UsageError('--password must not be empty');
  if (options.displayName !== undefined && options.displayName.trim() === '') throw new UsageError('--display-name must not be empty');
  const patch: UpdateUserBody = definedFields({
    password: options.password,
    displayName: options.displayName?.trim(),
    disabled: options.disable === true ? true : options.enable === true ? false : undefined,
    roles: options.admin === undefined ? undefined : options.admin ? (['admin', 'user'] satisfies Role[]) : (['user'] satisfies Role[]),
  });
  if (Object.keys(patch).length === 0) {
    throw new UsageError('user set needs at least one of --password, --display-name, --disable, --enable, --admin, --no-admin');
  }
  return patch;
}

export function formatUser(user: User & { disabled?: boolean }): string[] {
  return formatFields([
    ['id', user.id],
    ['name', user.name],
    ['display name', user.displayName],
    ['roles', user.roles],
    ...(user.disabled === undefined ? [] : ([['disabled', user.disabled]] as [string, unknown][])),
  ]);
}

export function registerUserCommands(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('sign-ins');

  ctx
    .leaf(user, 'add <name>', 'create a user')
    .option('--display-name <text>', 'name shown to others (defaults to the user name)')
    .option('--password <password>', "the new user's password")
    .option('--admin', 'give the administrator role')
    .action(async (name: string, options: UserAddOptions, command: Command) => {
      const body = buildNewUser(name, options);
      await ctx.run(command, async (api) => {
        const created = await api.post<User>('/api/admin/users', body);
        return { json: created, lines: formatUser(created) };
      });
    });

  ctx.leaf(user, 'list', 'list the users').action(async (_options: object, command: Command) => {
    await ctx.run(command, async (api) => {
      const users = (await listUsers(api)) as (User & { disabled?: boolean })[] | null;
      if (users === null) throw new LookupError('this server does not list users');
      const rows = users.map((u) => [u.id, u.name, u.displayName, u.roles, u.disabled]);
      return { json: users, lines: formatTable(['id', 'name', 'display name', 'roles', 'disabled'], rows) };
    });
  });

  ctx
    .leaf(user, 'set <name>', "change a user's password, display name or role, or disable / enable the account")
    .option('--password <password>', 'a new password (ends every session of the user)')
    .option('--display-name <text>', 'a new display name')
    .option('--disable', 'disable the account: it cannot sign in, and every session ends')
    .option('--enable', 'enable a disabled account again')
    .option('--admin', 'give the administrator role')
    .option('--no-admin', 'take the administrator role away')
    .action(async (name: string, options: UserSetOptions, command: Command) => {
      const patch = buildUserPatch(options);
      await ctx.run(command, async (api) => {
        const updated = await api.patch<AdminUser>(apiPath`/api/admin/users/${name}`, patch);
        return { json: updated, lines: formatUser(updated) };
      });
    });

  ctx
    .leaf(user, 'revoke <name>', 'end every session of a user at once (sign out everywhere)')
    .action(async (name: string, _options: object, command: Command) => {
      await ctx.run(command, async (api) => {
        await api.delete(apiPath`/api/admin/users/${name}/sessions`);
        return { json: { user: name, revoked: true }, lines: [`every session of ${name} ended`] };
      });
    });
}
