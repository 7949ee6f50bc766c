/**
 * Kysely's SQLite driver with two guards. (1) A rollback never hides the error that caused it:
 * when SQLite has already rolled back by itself (SQLITE_FULL, SQLITE_IOERR), the driver's
 * ROLLBACK would throw "cannot rollback - no transaction is active" and Kysely would throw that
 * instead of the real cause. (2) Storage failures become `StorageUnavailable` and are reported to
 * the storage health (cause logged once); a successful commit reports the store works again.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import { isStorageFailure, toStorageError } from './storage-errors';
import type { StorageHealth } from './storage-health';

class GuardedConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly report: (err: unknown) => unknown,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (err) {
      throw this.report(err);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (err) {
      throw this.report(err);
    }
  }
}

class GuardedDriver implements Driver {
  private readonly wrapped = new WeakMap<DatabaseConnection, GuardedConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly sqlite: BetterSqlite3.Database,
    private readonly health: StorageHealth | undefined,
  ) {}

  private readonly report = (err: unknown): unknown => {
    if (!isStorageFailure(err)) return err;
    this.health?.failed(err);
    return toStorageError(err);
  };

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    let guarded = this.wrapped.get(conn);
    if (!guarded) {
      guarded = new GuardedConnection(conn, this.report);
      this.wrapped.set(conn, guarded);
    }
    return guarded;
  }

  private unwrap(conn: DatabaseConnection): DatabaseConnection {
    return (conn as unknown as { inner?: DatabaseConnection }).inner ?? conn;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    try {
      await this.inner.beginTransaction(this.unwrap(conn), settings);
    } catch (err) {
      throw this.report(err);
    }
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    try {
      await this.inner.commitTransaction(this.unwrap(conn));
    } catch (err) {
      throw this.report(err);
    }
    this.health?.succeeded();
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    // SQLite rolls back by itself on some errors; then there is nothing left to roll back, and the
    // caller must see the error that got us here, not the rollback's.
    if (!this.sqlite.inTransaction) return;
    try {
      await this.inner.rollbackTransaction(this.unwrap(conn));
    } catch (err) {
      if (!this.sqlite.inTransaction) return;
      throw this.report(err);
    }
  }

  releaseConnection(conn: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(this.unwrap(conn));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** SqliteDialect whose driver has the guards above. */
export class GuardedSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly health?: StorageHealth,
  ) {
    super({ database: sqlite } satisfies SqliteDialectConfig);
  }

  override createDriver(): Driver {
    return new GuardedDriver(super.createDriver(), this.sqlite, this.health);
  }
}
