// Kysely's SQLite dialect with two changes.
//
// Durability off the event loop (wal-flush.ts): the store runs synchronous=NORMAL, so a commit
// writes the log without flushing it; a connection that wrote is released at once (others may
// read and write meanwhile), and the write is answered only after a flush of the log that began
// after it. What the caller is told is stored survives a power cut, as with synchronous=FULL.
//
// The cause of a full disk kept: when a statement fails because the disk or database is full
// (SQLITE_FULL), SQLite has already rolled the transaction back itself, so Kysely's own ROLLBACK
// fails with "cannot rollback - no transaction is active" — and that error replaced the real one
// in every log (issue 9 #12). Here the rollback is skipped when no transaction is open, so the
// caller sees "database or disk is full".
import type Database from 'better-sqlite3';
import { type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, SqliteDialect, SqliteDriver } from 'kysely';
import { FlushCoalescer, type Flush } from './wal-flush';

/** The single connection, noting whether the holder changed anything (prepared statements are cached). */
class WriteNotingConnection implements DatabaseConnection {
  wrote = false;

  constructor(
    private readonly inner: DatabaseConnection,
    private readonly sqlite: Database.Database,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // `readonly` is SQLite's own answer (an INSERT … RETURNING reads rows, and still writes).
    if (!this.wrote && !this.sqlite.prepare(query.sql).readonly) this.wrote = true;
    return this.inner.executeQuery<R>(query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class DurableSqliteDriver extends SqliteDriver {
  private connection: WriteNotingConnection | null = null;
  private readonly flushes: FlushCoalescer;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly flush: { flush: Flush; close(): Promise<void> },
  ) {
    super({ database: sqlite });
    this.flushes = new FlushCoalescer(flush.flush);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    this.connection ??= new WriteNotingConnection(inner, this.sqlite);
    return this.connection;
  }

  override async releaseConnection(): Promise<void> {
    // A transaction's statements come back here only once it is over (committed or not).
    const wrote = this.connection !== null && this.connection.wrote && !this.sqlite.inTransaction;
    if (this.connection) this.connection.wrote = false;
    await super.releaseConnection();
    if (wrote) await this.flushes.request();
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }

  override async destroy(): Promise<void> {
    await this.flush.close();
    await super.destroy();
  }
}

export class DurableSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly flush: { flush: Flush; close(): Promise<void> },
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new DurableSqliteDriver(this.sqlite, this.flush);
  }
}
