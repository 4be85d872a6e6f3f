// Runs pending migrations at start; a failure stops the server with the reason.
import { type Kysely, Migrator } from 'kysely';
import type { SqlDialectKind } from './dialect';
import { migrationProvider } from './migrations';
import type { DatabaseSchema } from './schema';

export async function migrateOrThrow(db: Kysely<DatabaseSchema>, kind: SqlDialectKind): Promise<void> {
  // Unordered: a migration numbered below one already applied (0009 landing after 0010) still
  // runs; ours are independent of one another's content, so the order between them is free.
  const migrator = new Migrator({ db, provider: migrationProvider(kind), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed) {
    await db.destroy();
    const reason = error instanceof Error ? error.message : `migration ${failed?.migrationName ?? '?'} failed`;
    throw new Error(`database migration failed: ${reason}`);
  }
}
