// Migrations in code (no file-system scanning, so it works the same under tsx and bundlers).
// Names sort lexically; add a new file and list it here. Each takes the dialect it runs on.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { SqlDialectKind } from '../dialect';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-message-search';
import * as m0003 from './0003-postgres-search-words';
import * as m0004 from './0004-read-markers';
import * as m0005 from './0005-sessions';
import * as m0006 from './0006-file-hygiene';
import * as m0007 from './0007-message-actions';
import * as m0008 from './0008-attention';
import * as m0009 from './0009-mention-pruning';
import * as m0010 from './0010-last-room';

type DialectMigration = { up(db: Kysely<unknown>, kind: SqlDialectKind): Promise<void> };

const migrations: Record<string, DialectMigration> = {
  '0001-initial': m0001,
  '0002-message-search': m0002,
  '0003-postgres-search-words': m0003,
  '0004-read-markers': m0004,
  '0005-sessions': m0005,
  '0006-file-hygiene': m0006,
  '0007-message-actions': m0007,
  '0008-attention': m0008,
  '0009-mention-pruning': m0009,
  '0010-last-room': m0010,
};

export function migrationProvider(kind: SqlDialectKind): MigrationProvider {
  const bound = Object.fromEntries(
    Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (db) => m.up(db, kind) }]),
  );
  return { getMigrations: () => Promise.resolve(bound) };
}
