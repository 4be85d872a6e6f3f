// export — Export-CsPersistentChatData over GET /api/admin/export (PROTOCOL.md §7). The output
// is always JSON, whatever --json says, so `pchat-admin export > data.json` just works.
import type { Command } from 'commander';
import type { z } from 'zod';
import type { exportQuery } from '../../http/schemas';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { parseIsoDate } from '../parse';

export interface ExportOptions {
  category?: string;
  from?: string;
}

export function buildExportQuery(options: ExportOptions): z.input<typeof exportQuery> {
  if (options.category !== undefined && options.category.trim() === '') throw new UsageError('--category must not be empty');
  return {
    category: options.category?.trim(),
    from: options.from === undefined ? undefined : parseIsoDate(options.from, '--from'),
  };
}

export function registerExportCommand(program: Command, ctx: CliContext): void {
  ctx
    .leaf(program, 'export', 'print the rooms, categories, add-ins and messages as JSON')
    .option('--category <name>', 'only this category and its rooms')
    .option('--from <date>', 'only messages posted at or after this ISO date')
    .action(async (options: ExportOptions, command: Command) => {
      const query = buildExportQuery(options);
      await ctx.run(command, async (api) => {
        const data = await api.get<unknown>('/api/admin/export', query);
        return { json: data, lines: [JSON.stringify(data, null, 2)] };
      });
    });
}
