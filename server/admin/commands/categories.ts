// category add | set | list — New-/Set-/Get-CsPersistentChatCategory over
// POST/PATCH /api/admin/categories (PROTOCOL.md §7, defaults in §9.3).
import type { Command } from 'commander';
import type { z } from 'zod';
import type { Category } from '../../../common/protocol';
import { apiPath } from '../api-client';
import type { createCategoryBody, updateCategoryBody } from '../../http/schemas';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { findCategory, listCategories } from '../lookup';
import { formatFields, formatTable } from '../output';
import { definedFields, parseNameList } from '../parse';

export interface CategoryOptions {
  name?: string;
  description?: string;
  allowedMembers?: string;
  deniedMembers?: string;
  creators?: string;
  invitations?: boolean;
  fileUpload?: boolean;
  chatHistory?: boolean;
  messageEdits?: boolean;
}

/** The server's own request schemas, as types only: the CLI stays a plain HTTP client at run time. */
export type CategoryBody = z.input<typeof updateCategoryBody>;
type NewCategoryBody = z.input<typeof createCategoryBody>;

const list = (value: string | undefined): string[] | undefined => (value === undefined ? undefined : parseNameList(value));

/** Options → body with only the fields given, so `set` never resets what it was not asked to. */
export function buildCategoryBody(options: CategoryOptions): CategoryBody {
  const allowedMembers = list(options.allowedMembers);
  if (allowedMembers?.includes('*') && allowedMembers.length > 1) {
    throw new UsageError('--allowed-members: "*" already means everyone; give it alone');
  }
  if (options.name !== undefined && options.name.trim() === '') throw new UsageError('--name must not be empty');
  return definedFields({
    name: options.name?.trim(),
    description: options.description,
    allowedMembers,
    deniedMembers: list(options.deniedMembers),
    creators: list(options.creators),
    invitations: options.invitations,
    fileUpload: options.fileUpload,
    chatHistory: options.chatHistory,
    messageEdits: options.messageEdits,
  });
}

type CategoryWithMembers = Category & { allowedMembers?: unknown; deniedMembers?: unknown; creators?: unknown };

export function formatCategory(category: CategoryWithMembers): string[] {
  const fields: [string, unknown][] = [
    ['id', category.id],
    ['name', category.name],
    ['description', category.description],
    ['invitations', category.invitations],
    ['file upload', category.fileUpload],
    ['chat history', category.chatHistory],
    ['message edits', category.messageEdits],
  ];
  // Member lists are not part of the Category shape, but the server may send them back.
  for (const [key, label] of [
    ['allowedMembers', 'allowed members'],
    ['deniedMembers', 'denied members'],
    ['creators', 'creators'],
  ] as const) {
    if (Array.isArray(category[key])) fields.push([label, category[key]]);
  }
  return formatFields(fields);
}

/** The options `add` and `set` share. */
function withCategoryOptions(command: Command): Command {
  return command
    .option('--description <text>', 'description')
    .option('--allowed-members <names>', 'comma-separated user names, or * for everyone')
    .option('--denied-members <names>', 'comma-separated user names (denied wins over allowed)')
    .option('--creators <names>', 'comma-separated user names who may create rooms here')
    .option('--invitations', 'allow invitations')
    .option('--no-invitations', 'do not allow invitations')
    .option('--file-upload', 'allow file uploads')
    .option('--no-file-upload', 'do not allow file uploads')
    .option('--chat-history', 'keep and show chat history')
    .option('--no-chat-history', 'show no past messages in its rooms')
    .option('--message-edits', 'authors may edit and delete their own messages (the default)')
    .option('--no-message-edits', 'authors may not edit or delete their own messages');
}

export function registerCategoryCommands(program: Command, ctx: CliContext): void {
  const category = program.command('category').description('room categories: who may join and create rooms, what rooms allow');

  withCategoryOptions(ctx.leaf(category, 'add <name>', 'create a category')).action(
    async (name: string, options: CategoryOptions, command: Command) => {
      if (name.trim() === '') throw new UsageError('the category name must not be empty');
      const body: NewCategoryBody = { ...buildCategoryBody(options), name: name.trim() };
      await ctx.run(command, async (api) => {
        const created = await api.post<Category>('/api/admin/categories', body);
        return { json: created, lines: formatCategory(created) };
      });
    },
  );

  withCategoryOptions(ctx.leaf(category, 'set <name-or-id>', 'change a category; fields not given are kept'))
    .option('--name <name>', 'rename the category')
    .action(async (nameOrId: string, options: CategoryOptions, command: Command) => {
      const body = buildCategoryBody(options);
      if (Object.keys(body).length === 0) throw new UsageError('nothing to change: give at least one option');
      await ctx.run(command, async (api) => {
        const found = await findCategory(api, nameOrId);
        const updated = await api.patch<Category>(apiPath`/api/admin/categories/${found.id}`, body);
        return { json: updated, lines: formatCategory(updated) };
      });
    });

  ctx.leaf(category, 'list', 'list the categories').action(async (_options: object, command: Command) => {
    await ctx.run(command, async (api) => {
      const categories = await listCategories(api);
      const rows = categories.map((c: CategoryWithMembers) => [
        c.id, c.name, c.invitations, c.fileUpload, c.chatHistory, c.messageEdits, c.allowedMembers, c.deniedMembers, c.creators,
      ]);
      return {
        json: categories,
        lines: formatTable(['id', 'name', 'invitations', 'files', 'history', 'edits', 'allowed', 'denied', 'creators'], rows),
      };
    });
  });
}
