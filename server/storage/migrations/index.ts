// Migrations in code (no file-system scanning, so it works the same under tsx and bundlers).
// Names sort lexically; add a new file and list it here.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-message-search';

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-message-search': m0002,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
