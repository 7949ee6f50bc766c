/** Migration 0010 (enrolment codes) goes up over 0009 and back down, leaving 0009's schema. */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { GuardedSqliteDialect } from './guarded-driver';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

const tables = async (k: Kysely<Database>) =>
  (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(k)).rows.map(
    (r) => r.name,
  );

describe('migration 0010', () => {
  it('adds the enrolment tables and removes them on the way down', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new GuardedSqliteDialect(sqlite) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await tables(db)).toEqual(expect.arrayContaining(['enrolment_codes', 'enrolment_attempts']));
    // A code must name a known centre.
    await expect(
      sql`INSERT INTO enrolment_codes (id, code_hash, centre_id, location, kind, created_at, expires_at)
        VALUES ('c1', 'h', 'nowhere', 'L', 'fixed', 'now', 'later')`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);

    expect((await migrator.migrateTo('0009_transfers')).error).toBeUndefined();
    const after = await tables(db);
    expect(after).not.toContain('enrolment_codes');
    expect(after).not.toContain('enrolment_attempts');
    expect(after).toContain('transfers');
  });
});
