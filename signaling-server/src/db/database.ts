/** Opens the SQLite database (a file in the data folder, or ':memory:') and brings its schema up to date. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';

/** The typed database handle used everywhere in the server. */
export type Db = Kysely<Database>;

/** The database file inside a data folder, or ':memory:'. */
export function databasePath(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : join(resolve(dataDir), 'rvw.sqlite');
}

/** Opens (creating the folder and file if needed) and migrates the database. */
export async function openDatabase(dataDir: string): Promise<Db> {
  const path = databasePath(dataDir);
  if (path !== ':memory:') mkdirSync(resolve(dataDir), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL lets readers proceed during a write; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

/** Applies every pending migration; throws the first failure. */
export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
