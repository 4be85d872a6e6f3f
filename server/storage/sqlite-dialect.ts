// Kysely's SQLite dialect with one fix: when a statement fails because the disk or database is
// full (SQLITE_FULL), SQLite has already rolled the transaction back itself, so Kysely's own
// ROLLBACK fails with "cannot rollback - no transaction is active" — and that error replaces the
// real one in every log (issue 9 #12). Here the rollback is skipped when no transaction is open,
// so the caller sees "database or disk is full".
import type Database from 'better-sqlite3';
import { type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely';

class SqliteDriverKeepingCause extends SqliteDriver {
  constructor(
    config: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly sqlite: Database.Database,
  ) {
    super(config);
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

export class SqliteDialectKeepingCause extends SqliteDialect {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new SqliteDriverKeepingCause({ database: this.sqlite }, this.sqlite);
  }
}
