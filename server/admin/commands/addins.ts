// addin add | set | remove | list — New-/Set-/Remove-/Get-CsPersistentChatAddin over
// /api/admin/addins and GET /api/addins (PROTOCOL.md §7).
import type { Command } from 'commander';
import type { z } from 'zod';
import type { Addin } from '../../../common/protocol';
import { apiPath } from '../api-client';
import type { updateAddinBody } from '../../http/schemas';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { findAddin } from '../lookup';
import { formatTable } from '../output';
import { definedFields, parseWebUrl } from '../parse';

/** The server's own request schema, as a type only: the CLI stays a plain HTTP client at run time. */
export type AddinBody = z.input<typeof updateAddinBody>;

/**
 * The URL is checked here with the same policy the server uses, so a typo such as "javascript:…"
 * or "tickers.example" is reported before anything is sent.
 */
export function buildAddinBody(options: { name?: string; url?: string }): AddinBody {
  if (options.name !== undefined && options.name.trim() === '') throw new UsageError('the add-in name must not be empty');
  return definedFields({
    name: options.name?.trim(),
    url: options.url === undefined ? undefined : parseWebUrl(options.url, 'the add-in URL'),
  });
}

const addinLines = (addins: Addin[]): string[] => formatTable(['id', 'name', 'url'], addins.map((a) => [a.id, a.name, a.url]));

export function registerAddinCommands(program: Command, ctx: CliContext): void {
  const addin = program.command('addin').description('add-ins: web pages shown beside a room\'s conversation');

  ctx
    .leaf(addin, 'add <name> <url>', 'register an add-in (http or https URL)')
    .action(async (name: string, url: string, _options: object, command: Command) => {
      const body = buildAddinBody({ name, url });
      await ctx.run(command, async (api) => {
        const created = await api.post<Addin>('/api/admin/addins', body);
        return { json: created, lines: addinLines([created]) };
      });
    });

  ctx
    .leaf(addin, 'set <name-or-id>', 'rename an add-in or change its URL')
    .option('--name <name>', 'new name')
    .option('--url <url>', 'new http or https URL')
    .action(async (nameOrId: string, options: { name?: string; url?: string }, command: Command) => {
      const body = buildAddinBody(options);
      if (Object.keys(body).length === 0) throw new UsageError('nothing to change: give --name or --url');
      await ctx.run(command, async (api) => {
        const found = await findAddin(api, nameOrId);
        const updated = await api.patch<Addin>(apiPath`/api/admin/addins/${found.id}`, body);
        return { json: updated, lines: addinLines([updated]) };
      });
    });

  ctx
    .leaf(addin, 'remove <name-or-id>', 'unregister an add-in')
    .action(async (nameOrId: string, _options: object, command: Command) => {
      await ctx.run(command, async (api) => {
        const found = await findAddin(api, nameOrId);
        await api.delete(apiPath`/api/admin/addins/${found.id}`);
        return { json: { removed: found }, lines: [`removed add-in ${found.name} (${found.id})`] };
      });
    });

  ctx.leaf(addin, 'list', 'list the add-ins').action(async (_options: object, command: Command) => {
    await ctx.run(command, async (api) => {
      const addins = await api.get<Addin[]>('/api/addins');
      return { json: addins, lines: addinLines(addins) };
    });
  });
}
