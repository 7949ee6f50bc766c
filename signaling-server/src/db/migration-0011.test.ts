/** Migration 0011 (the fleet) goes up over 0010 and back down, leaving 0010's schema. */
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

const FLEET_TABLES = [
  'kiosk_health',
  'kiosk_health_history',
  'fleet_settings',
  'kiosk_diagnostics',
  'kiosk_rotations',
  'update_channels',
  'call_setups',
];

const tables = async (k: Kysely<Database>) =>
  (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(k)).rows.map(
    (r) => r.name,
  );

describe('migration 0011', () => {
  it('adds the fleet tables and removes them on the way down', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new GuardedSqliteDialect(sqlite) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await tables(db)).toEqual(expect.arrayContaining(FLEET_TABLES));
    // A report must name a known kiosk, and its level is one of three.
    await expect(
      sql`INSERT INTO kiosk_health (kiosk_id, report, level, problems, received_at)
        VALUES ('nowhere', '{}', 'green', '[]', 'now')`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
    await expect(
      sql`INSERT INTO update_channels (channel, version, rollout_percent, updated_at)
        VALUES ('nightly', '1.0.0', 10, 'now')`.execute(db),
    ).rejects.toThrow(/CHECK/);

    expect((await migrator.migrateTo('0010_enrolment')).error).toBeUndefined();
    const after = await tables(db);
    for (const t of FLEET_TABLES) expect(after).not.toContain(t);
    expect(after).toContain('enrolment_codes');
  });
});
