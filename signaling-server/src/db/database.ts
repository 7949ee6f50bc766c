/** Opens the SQLite database (a file in the data folder, or ':memory:') and brings its schema up to date. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { widenAccountRoles } from './role-check';
import { ConfigError } from '../errors';
import { GuardedSqliteDialect } from './guarded-driver';
import type { Database } from './schema';
import { migrationProvider } from './migrations';
import { isStorageFailure } from './storage-errors';
import type { StorageHealth } from './storage-health';

/** The typed database handle used everywhere in the server. */
export type Db = Kysely<Database>;

/** The database file inside a data folder, or ':memory:'. */
export function databasePath(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : join(resolve(dataDir), 'rvw.sqlite');
}

/** Options of openDatabase. */
export interface OpenDatabaseOptions {
  /** Told of every storage failure and successful commit; the health route reads it. */
  health?: StorageHealth;
}

/**
 * Opens (creating the folder and file if needed) and migrates the database. A data folder that
 * cannot be created, opened or written throws a ConfigError naming RVW_DATA_DIR and the path.
 */
export async function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  const path = databasePath(dataDir);
  let sqlite: BetterSqlite3.Database;
  try {
    if (path !== ':memory:') mkdirSync(resolve(dataDir), { recursive: true });
    sqlite = new BetterSqlite3(path);
  } catch (err) {
    throw dataDirError(dataDir, err);
  }
  let db: Db | undefined;
  try {
    // WAL lets readers proceed during a write; foreign keys are off by default in SQLite.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Deleted or overwritten content is zeroed, not left in free pages (purged identity numbers).
    sqlite.pragma('secure_delete = ON');
    db = new Kysely<Database>({ dialect: new GuardedSqliteDialect(sqlite, options.health) });
    await migrate(db);
    widenAccountRoles(sqlite);
  } catch (err) {
    if (db) await db.destroy();
    else sqlite.close();
    throw isDataDirFailure(err) ? dataDirError(dataDir, err) : err;
  }
  if (options.health) options.health.probe = () => probeWrite(db);
  return db;
}

/**
 * After a purge: copies the WAL into the database and truncates it (SQLite), so that the purged
 * value's old page images leave the WAL at once instead of ~1000 frames later. A checkpoint that
 * cannot complete now (a reader holds it) is repeated by the next purge.
 */
export async function checkpointAfterPurge(db: Db): Promise<void> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}

// A tiny committed write: the health route's proof that the store can write again.
async function probeWrite(db: Db): Promise<void> {
  const at = new Date().toISOString();
  await db
    .insertInto('storage_probe')
    .values({ id: 1, at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ at }))
    .execute();
}

function isDataDirFailure(err: unknown): boolean {
  const cause = (err as { cause?: unknown } | null)?.cause ?? err;
  const code = (cause as { code?: unknown } | null)?.code;
  return (
    isStorageFailure(cause) ||
    (typeof code === 'string' && ['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC'].includes(code))
  );
}

function dataDirError(dataDir: string, err: unknown): Error {
  if (!isDataDirFailure(err)) return err instanceof Error ? err : new Error(String(err));
  const cause = (err as { cause?: unknown } | null)?.cause ?? err;
  const code = String((cause as { code?: unknown } | null)?.code ?? '');
  const why =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'does not exist and cannot be created'
      : code === 'SQLITE_FULL' || code === 'ENOSPC'
        ? 'is on a full disk'
        : 'cannot be written (read-only, or no permission)';
  return ConfigError.invalid(
    `RVW_DATA_DIR is ${resolve(dataDir)}, which ${why}; set RVW_DATA_DIR to a writable folder (${code || 'error'})`,
  );
}

/** Applies every pending migration; throws the first failure. */
export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
