// config show | set | remove — the jobs of Get-/Set-/Remove-CsPersistentChatConfiguration over
// GET/PUT/DELETE /api/admin/config (PROTOCOL.md §5, §7, §9.1).
import type { Command } from 'commander';
import { CONFIG_FIELDS, configFieldSchemas, parseConfigScope, type ConfigPatch } from '../../../common/config';
import type { EffectiveConfig } from '../../../common/protocol';
import { apiPath } from '../api-client';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { formatFields } from '../output';
import { parseInteger } from '../parse';

type Field = keyof EffectiveConfig;

/** The command-line flag of each configuration field. */
export const CONFIG_FLAGS: Record<Field, string> = {
  defaultChatHistory: 'default-chat-history',
  maxFileSizeKB: 'max-file-size-kb',
  participantUpdateLimit: 'participant-update-limit',
  roomManagementUrl: 'room-management-url',
  maxMessageChars: 'max-message-chars',
};

/** What commander hands over for `config set`: raw strings, checked by buildConfigPatch. */
export interface ConfigSetOptions {
  defaultChatHistory?: string;
  maxFileSizeKb?: string;
  participantUpdateLimit?: string;
  roomManagementUrl?: string;
  maxMessageChars?: string;
  unset?: string[];
}

const RAW_OPTION: Record<Field, keyof ConfigSetOptions> = {
  defaultChatHistory: 'defaultChatHistory',
  maxFileSizeKB: 'maxFileSizeKb',
  participantUpdateLimit: 'participantUpdateLimit',
  roomManagementUrl: 'roomManagementUrl',
  maxMessageChars: 'maxMessageChars',
};

export function parseScope(raw: string): string {
  const scope = parseConfigScope(raw);
  if (scope === null) throw new UsageError(`scope must be global, site:NAME or pool:NAME, got "${raw}"`);
  return scope;
}

/** "max-file-size-kb", "--max-file-size-kb" and "maxFileSizeKB" all name the same field. */
export function parseFieldName(raw: string): Field {
  const name = raw.trim().replace(/^--/, '');
  const field = CONFIG_FIELDS.find((candidate) => candidate === name || CONFIG_FLAGS[candidate] === name.toLowerCase());
  if (field === undefined) {
    throw new UsageError(`--unset: unknown field "${raw}"; fields are ${Object.values(CONFIG_FLAGS).join(', ')}`);
  }
  return field;
}

function parseFieldValue(field: Field, raw: string): number | string {
  const flag = `--${CONFIG_FLAGS[field]}`;
  if (field === 'roomManagementUrl') {
    const checked = configFieldSchemas.roomManagementUrl.safeParse(raw);
    if (!checked.success) throw new UsageError(`${flag} must be "" (use the built-in pages) or an http/https URL, got "${raw}"`);
    return raw;
  }
  const schema = configFieldSchemas[field];
  return parseInteger(raw, flag, schema.minValue ?? 1, schema.maxValue ?? Number.MAX_SAFE_INTEGER);
}

/** Options → PUT body: given fields set, --unset fields null (inherit), nothing else touched. */
export function buildConfigPatch(options: ConfigSetOptions): ConfigPatch {
  const patch: Record<string, number | string | null> = {};
  for (const field of CONFIG_FIELDS) {
    const raw = options[RAW_OPTION[field]];
    if (typeof raw === 'string') patch[field] = parseFieldValue(field, raw);
  }
  for (const raw of (options.unset ?? []).flatMap((item) => item.split(','))) {
    if (raw.trim() === '') continue;
    const field = parseFieldName(raw);
    if (field in patch && patch[field] !== null) {
      throw new UsageError(`--${CONFIG_FLAGS[field]} and --unset ${CONFIG_FLAGS[field]} contradict each other`);
    }
    patch[field] = null;
  }
  if (Object.keys(patch).length === 0) {
    throw new UsageError('nothing to change: give at least one field option or --unset FIELD');
  }
  return patch;
}

export interface ConfigListing {
  entries: ({ scope: string } & Partial<Record<Field, number | string | null>>)[];
  effective: EffectiveConfig;
}

function describeEntry(entry: Record<string, unknown>): string {
  const fields = CONFIG_FIELDS.filter((field) => entry[field] !== undefined && entry[field] !== null);
  const values = fields.map((field) => `${CONFIG_FLAGS[field]}=${JSON.stringify(entry[field])}`);
  return values.length > 0 ? values.join(' ') : '(no fields set)';
}

export function formatConfigListing(listing: ConfigListing): string[] {
  const shown = (field: Field): unknown =>
    field === 'roomManagementUrl' && listing.effective.roomManagementUrl === '' ? '"" (the built-in /manage pages)' : listing.effective[field];
  const effective = formatFields(CONFIG_FIELDS.map((field) => [CONFIG_FLAGS[field], shown(field)]));
  const entries = listing.entries.map((entry) => `  ${entry.scope}: ${describeEntry(entry)}`);
  return [
    'Effective on this server:',
    ...effective.map((line) => `  ${line}`),
    'Entries (pool over site over global, field by field):',
    ...(entries.length > 0 ? entries : ['  (none)']),
  ];
}

export function registerConfigCommands(program: Command, ctx: CliContext): void {
  const config = program.command('config').description('server configuration by scope (global, site:NAME, pool:NAME)');

  ctx
    .leaf(config, 'show', 'show every configuration entry and the effective configuration')
    .action(async (_options: object, command: Command) => {
      await ctx.run(command, async (api) => {
        const listing = await api.get<ConfigListing>('/api/admin/config');
        return { json: listing, lines: formatConfigListing(listing) };
      });
    });

  const set = ctx.leaf(config, 'set <scope>', 'set fields of a scope; the fields not given keep their value');
  for (const field of CONFIG_FIELDS) {
    const arg = field === 'roomManagementUrl' ? '<url>' : '<n>';
    set.option(`--${CONFIG_FLAGS[field]} ${arg}`, `set ${field}`);
  }
  set
    .option('--unset <fields...>', 'remove fields from a site or pool entry so they inherit')
    .action(async (rawScope: string, options: ConfigSetOptions, command: Command) => {
      const scope = parseScope(rawScope);
      const patch = buildConfigPatch(options);
      await ctx.run(command, async (api) => {
        const entry = await api.put<Record<string, unknown>>(apiPath`/api/admin/config/${scope}`, patch);
        return { json: entry, lines: [`${scope}: ${describeEntry(entry)}`] };
      });
    });

  ctx
    .leaf(config, 'remove <scope>', 'remove a site or pool entry (the global entry cannot be removed)')
    .action(async (rawScope: string, _options: object, command: Command) => {
      const scope = parseScope(rawScope);
      await ctx.run(command, async (api) => {
        await api.delete(apiPath`/api/admin/config/${scope}`);
        return { json: { removed: scope }, lines: [`removed ${scope}`] };
      });
    });
}
