// user add — creating sign-ins (POST /api/admin/users). Persistent Chat took its users from
// Active Directory; pchat keeps its own, so this job has no cmdlet counterpart.
import type { Command } from 'commander';
import type { Role, User } from '../../../common/protocol';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { formatFields } from '../output';

export interface UserAddOptions {
  displayName?: string;
  password?: string;
  admin?: boolean;
}

export interface NewUserBody {
  name: string;
  displayName: string;
  password: string;
  roles?: Role[];
}

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
}
