// room list | show | add | set | remove — Get-/New-/Set-/Remove-CsPersistentChatRoom over
// /api/rooms and DELETE /api/admin/rooms/:id (PROTOCOL.md §7). Clearing and removing messages
// live in room-messages.ts.
import type { Command } from 'commander';
import type { z } from 'zod';
import type { RoomDetail, RoomPrivacy, RoomSummary, RoomType } from '../../../common/protocol';
import type { createRoomBody, updateRoomBody } from '../../http/schemas';
import { apiPath, type ApiClient } from '../api-client';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { findAddin, findCategory, findRoom, listCategories } from '../lookup';
import { formatFields, formatTable } from '../output';
import { definedFields, parseChoice, parseNameList, refuseBoth } from '../parse';

const ROOM_TYPES: readonly RoomType[] = ['normal', 'auditorium'];
const PRIVACIES: readonly RoomPrivacy[] = ['open', 'closed', 'secret'];

export interface RoomOptions {
  name?: string;
  category?: string;
  type?: string;
  privacy?: string;
  /** A name or id; false after --no-addin, which detaches the add-in. */
  addin?: string | false;
  members?: string;
  managers?: string;
  presenters?: string;
  description?: string;
  invitations?: boolean;
  disabled?: boolean;
  enabled?: boolean;
}

/** The server's own request schemas, as types only: the CLI stays a plain HTTP client at run time. */
export type RoomBody = z.input<typeof updateRoomBody>;
type NewRoomBody = z.input<typeof createRoomBody>;

/** What the command line says, checked; category and add-in are still names to look up. */
export interface RoomDraft {
  body: Omit<RoomBody, 'categoryId' | 'addinId'>;
  category?: string;
  /** undefined = leave as is, null = detach, string = the add-in's name or id. */
  addin?: string | null;
}

const list = (value: string | undefined): string[] | undefined => (value === undefined ? undefined : parseNameList(value));

export function buildRoomDraft(options: RoomOptions): RoomDraft {
  refuseBoth(options.disabled, options.enabled, '--disabled and --enabled');
  if (options.name !== undefined && options.name.trim() === '') throw new UsageError('the room name must not be empty');
  if (options.category !== undefined && options.category.trim() === '') throw new UsageError('--category must not be empty');
  const disabled = options.disabled === true ? true : options.enabled === true ? false : undefined;
  return {
    body: definedFields({
      name: options.name?.trim(),
      description: options.description,
      type: options.type === undefined ? undefined : parseChoice(options.type, '--type', ROOM_TYPES),
      privacy: options.privacy === undefined ? undefined : parseChoice(options.privacy, '--privacy', PRIVACIES),
      members: list(options.members),
      managers: list(options.managers),
      presenters: list(options.presenters),
      invitations: options.invitations,
      disabled,
    }),
    ...(options.category === undefined ? {} : { category: options.category.trim() }),
    ...(options.addin === undefined ? {} : { addin: options.addin === false ? null : options.addin }),
  };
}

/** Replaces the names in a draft by the ids the API wants. */
export async function resolveRoomDraft(api: ApiClient, draft: RoomDraft): Promise<RoomBody> {
  const body: RoomBody = { ...draft.body };
  if (draft.category !== undefined) body.categoryId = (await findCategory(api, draft.category)).id;
  if (draft.addin === null) body.addinId = null;
  else if (draft.addin !== undefined) body.addinId = (await findAddin(api, draft.addin)).id;
  return body;
}

/** Room managers also get the member list, which RoomDetail does not name. */
type ManagedRoom = RoomDetail & { members?: string[] };

export function formatRoom(room: ManagedRoom, categoryName?: string): string[] {
  const fields: [string, unknown][] = [
    ['id', room.id],
    ['name', room.name],
    ['description', room.description],
    ['category', categoryName === undefined ? room.categoryId : `${categoryName} (${room.categoryId})`],
    ['type', room.type],
    ['privacy', room.privacy],
    ['disabled', room.disabled],
    ['add-in', room.addin ? `${room.addin.name} (${room.addin.url})` : ''],
    ['file upload', room.fileUpload],
    ['chat history', room.chatHistory],
    ['managers', room.managers],
    ['presenters', room.presenters],
  ];
  if (Array.isArray(room.members)) fields.push(['members', room.members]);
  return formatFields(fields);
}

/** Category names make the list readable; when they cannot be read, the ids still identify. */
async function categoryNames(api: ApiClient): Promise<Map<string, string>> {
  try {
    return new Map((await listCategories(api)).map((category) => [category.id, category.name]));
  } catch {
    return new Map();
  }
}

function withRoomOptions(command: Command): Command {
  return command
    .option('--description <text>', 'description')
    .option('--type <type>', 'normal or auditorium (only presenters post)')
    .option('--privacy <privacy>', 'open, closed or secret')
    .option('--addin <name-or-id>', 'show this add-in beside the conversation')
    .option('--members <names>', 'comma-separated user names')
    .option('--managers <names>', 'comma-separated user names')
    .option('--presenters <names>', 'comma-separated user names (auditorium rooms)')
    .option('--invitations', 'send invitations to members')
    .option('--no-invitations', 'send no invitations')
    .option('--disabled', 'nobody may join or post');
}

export function registerRoomCommands(program: Command, ctx: CliContext): Command {
  const room = program.command('room').description('chat rooms and their messages');

  ctx
    .leaf(room, 'list', 'list rooms')
    .option('--query <text>', 'only rooms whose name matches')
    .action(async (options: { query?: string }, command: Command) => {
      await ctx.run(command, async (api) => {
        const rooms = await api.get<RoomSummary[]>('/api/rooms', { q: options.query });
        const names = await categoryNames(api);
        const rows = rooms.map((r) => [r.id, r.name, names.get(r.categoryId) ?? r.categoryId, r.type, r.privacy, r.disabled]);
        return { json: rooms, lines: formatTable(['id', 'name', 'category', 'type', 'privacy', 'disabled'], rows) };
      });
    });

  ctx.leaf(room, 'show <name-or-id>', 'show one room').action(async (nameOrId: string, _options: object, command: Command) => {
    await ctx.run(command, async (api) => {
      const found = await findRoom(api, nameOrId);
      const detail = await api.get<ManagedRoom>(apiPath`/api/rooms/${found.id}`);
      const names = await categoryNames(api);
      return { json: detail, lines: formatRoom(detail, names.get(detail.categoryId)) };
    });
  });

  withRoomOptions(ctx.leaf(room, 'add <name>', 'create a room'))
    .requiredOption('--category <name-or-id>', 'the category the room belongs to')
    .action(async (name: string, options: RoomOptions, command: Command) => {
      const draft = buildRoomDraft({ ...options, name });
      await ctx.run(command, async (api) => {
        const resolved = await resolveRoomDraft(api, draft);
        if (resolved.categoryId === undefined) throw new UsageError('room add needs --category');
        const body: NewRoomBody = { ...resolved, name: name.trim(), categoryId: resolved.categoryId };
        const created = await api.post<RoomDetail>('/api/rooms', body);
        return { json: created, lines: formatRoom(created) };
      });
    });

  withRoomOptions(ctx.leaf(room, 'set <name-or-id>', 'change a room; fields not given are kept'))
    .option('--name <name>', 'rename the room')
    .option('--category <name-or-id>', 'move the room to another category (administrators only)')
    .option('--no-addin', 'remove the add-in from the room')
    .option('--enabled', 'undo --disabled')
    .action(async (nameOrId: string, options: RoomOptions, command: Command) => {
      const draft = buildRoomDraft(options);
      if (Object.keys(draft.body).length === 0 && draft.category === undefined && draft.addin === undefined) {
        throw new UsageError('nothing to change: give at least one option');
      }
      await ctx.run(command, async (api) => {
        const found = await findRoom(api, nameOrId);
        const body = await resolveRoomDraft(api, draft);
        const updated = await api.patch<RoomDetail>(apiPath`/api/rooms/${found.id}`, body);
        return { json: updated, lines: formatRoom(updated) };
      });
    });

  ctx
    .leaf(room, 'remove <name-or-id>', 'delete a room and its messages')
    .action(async (nameOrId: string, _options: object, command: Command) => {
      await ctx.run(command, async (api) => {
        const found = await findRoom(api, nameOrId);
        await api.delete(apiPath`/api/admin/rooms/${found.id}`);
        return { json: { removed: found }, lines: [`removed room ${found.name} (${found.id})`] };
      });
    });

  return room;
}
