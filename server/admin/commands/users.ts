// user add | list — sign-ins (POST /api/admin/users; listing uses GET /api/admin/users where the
// server has it, else the export). Persistent Chat took its users from
// Active Directory; pchat keeps its own, so this job has no cmdlet counterpart.
import type { Command } from 'commander';
import type { z } from 'zod';
import type { Role, User } from '../../../common/protocol';
import type { createUserBody } from '../../http/schemas';
import type { CliContext } from '../context';
import { LookupError, UsageError } from '../errors';
import { listUsers } from '../lookup';
import { formatFields, formatTable } from '../output';

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

export function formatUser(user: User): string[] {
  return formatFields([
    ['id', user.id],
    ['name', user.name],
    ['display name', user.displayName],
    ['roles', user.roles],
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
      const users = (await listUsers(api)) as User[] | null;
      if (users === null) throw new LookupError('this server does not list users');
      const rows = users.map((u) => [u.id, u.name, u.displayName, u.roles]);
      return { json: users, lines: formatTable(['id', 'name', 'display name', 'roles'], rows) };
    });
  });
}
