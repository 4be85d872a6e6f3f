// room clear | remove-messages — Clear-CsPersistentChatRoom and Remove-CsPersistentChatMessage
// over POST /api/admin/rooms/:id/clear and …/remove-messages (PROTOCOL.md §7).
import type { Command } from 'commander';
import type { z } from 'zod';
import type { clearBody, removeMessagesBody } from '../../http/schemas';
import { apiPath } from '../api-client';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { findRoom, findUserId } from '../lookup';
import { definedFields, parseIsoDate } from '../parse';

export interface RemoveMessagesOptions {
  user?: string;
  userId?: string;
  contains?: string;
  from?: string;
  to?: string;
  replaceWith?: string;
}

/** The server's own request schemas, as types only: the CLI stays a plain HTTP client at run time. */
export type RemoveMessagesBody = z.input<typeof removeMessagesBody>;
type ClearBody = z.input<typeof clearBody>;

/** The checked filter; `user` is still a name to look up. */
export interface RemoveMessagesDraft {
  body: Omit<RemoveMessagesBody, 'userId'>;
  user?: string;
  userId?: string;
}

export function buildRemoveMessagesDraft(options: RemoveMessagesOptions): RemoveMessagesDraft {
  if (options.user !== undefined && options.userId !== undefined) {
    throw new UsageError('--user and --user-id name the same thing; give one of them');
  }
  const from = options.from === undefined ? undefined : parseIsoDate(options.from, '--from');
  const to = options.to === undefined ? undefined : parseIsoDate(options.to, '--to');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from (${from}) is after --to (${to})`);
  if (options.contains !== undefined && options.contains.trim() === '') throw new UsageError('--contains must not be empty');
  if (options.replaceWith !== undefined && options.replaceWith.trim() === '') {
    throw new UsageError('--replace-with must not be empty; leave it out to remove the messages instead');
  }
  const draft: RemoveMessagesDraft = {
    body: definedFields({ contains: options.contains, from, to, replaceWith: options.replaceWith }),
    ...(options.user === undefined ? {} : { user: options.user.trim() }),
    ...(options.userId === undefined ? {} : { userId: options.userId.trim() }),
  };
  // Without a filter every message would match: that job is `room clear`, which says so plainly.
  const filters = [draft.user, draft.userId, from, to, options.contains].filter((value) => value !== undefined);
  if (filters.length === 0) {
    throw new UsageError('give at least one of --user, --user-id, --contains, --from, --to (to empty a room use room clear)');
  }
  return draft;
}

const removedLine = (removed: number, verb: string, room: string): string =>
  `${verb} ${removed} message${removed === 1 ? '' : 's'} in ${room}`;

export function registerRoomMessageCommands(room: Command, ctx: CliContext): void {
  ctx
    .leaf(room, 'clear <name-or-id>', 'remove every message posted before a date')
    .requiredOption('--before <date>', 'ISO date or date-time (UTC unless an offset is given)')
    .action(async (nameOrId: string, options: { before: string }, command: Command) => {
      const body: ClearBody = { before: parseIsoDate(options.before, '--before') };
      await ctx.run(command, async (api) => {
        const found = await findRoom(api, nameOrId);
        const result = await api.post<{ removed: number }>(apiPath`/api/admin/rooms/${found.id}/clear`, body);
        return { json: { roomId: found.id, ...result }, lines: [removedLine(result.removed, 'removed', found.name)] };
      });
    });

  ctx
    .leaf(room, 'remove-messages <name-or-id>', 'remove (or replace the text of) the messages that match every filter given')
    .option('--user <name>', 'posted by this user (user name)')
    .option('--user-id <id>', 'posted by the user with this id')
    .option('--contains <text>', 'containing this text')
    .option('--from <date>', 'posted at or after this ISO date')
    .option('--to <date>', 'posted at or before this ISO date')
    .option('--replace-with <text>', 'keep the messages but replace their text with this')
    .action(async (nameOrId: string, options: RemoveMessagesOptions, command: Command) => {
      const draft = buildRemoveMessagesDraft(options);
      await ctx.run(command, async (api) => {
        const found = await findRoom(api, nameOrId);
        const userId = draft.user === undefined ? draft.userId : await findUserId(api, draft.user);
        const body: RemoveMessagesBody = { ...draft.body, ...(userId === undefined ? {} : { userId }) };
        const result = await api.post<{ removed: number }>(apiPath`/api/admin/rooms/${found.id}/remove-messages`, body);
        const verb = body.replaceWith === undefined ? 'removed' : 'replaced';
        return { json: { roomId: found.id, ...result }, lines: [removedLine(result.removed, verb, found.name)] };
      });
    });
}
