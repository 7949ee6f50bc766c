/**
 * Migration 0008 on a database that has rows: accounts, kiosks and tickets from before issue 11
 * move to the default centre with no skills, status away, kind fixed and need unsure; and it can be
 * rolled back.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { GuardedSqliteDialect } from './guarded-driver';
import { DEFAULT_CENTRE_ID } from './migration-0008-routing';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

describe('migration 0008', () => {
  it('moves existing accounts, kiosks and tickets to the default centre', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new GuardedSqliteDialect(sqlite) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    const to7 = await migrator.migrateTo('0007_paper');
    expect(to7.error).toBeUndefined();
    await sql`INSERT INTO agents (id, username, display_name, role, password_hash, created_at)
      VALUES ('a1', 'wang', '王芳', 'agent', 'x', 'now')`.execute(db);
    await sql`INSERT INTO kiosks (id, name, location, token_hash, created_at) VALUES ('k1', 'K', 'L', 'h', 'now')`.execute(
      db,
    );
    await sql`INSERT INTO tickets (id, day, seq, number, kiosk_id, status, created_at)
      VALUES ('t1', '2026-12-07', 1, 'A001', 'k1', 'waiting', 'now')`.execute(db);

    const r = await migrator.migrateToLatest();
    expect(r.error).toBeUndefined();
    const agent = await db.selectFrom('agents').selectAll().executeTakeFirstOrThrow();
    expect([agent.centre_id, agent.skills, agent.status]).toEqual([DEFAULT_CENTRE_ID, '[]', 'away']);
    const kiosk = await db.selectFrom('kiosks').selectAll().executeTakeFirstOrThrow();
    expect([kiosk.centre_id, kiosk.kind]).toEqual([DEFAULT_CENTRE_ID, 'fixed']);
    const ticket = await db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect([ticket.centre_id, ticket.need, ticket.disability]).toEqual([DEFAULT_CENTRE_ID, 'unsure', 0]);
    const centre = await db.selectFrom('centres').selectAll().executeTakeFirstOrThrow();
    expect(centre.id).toBe(DEFAULT_CENTRE_ID);

    const down = await migrator.migrateTo('0007_paper');
    expect(down.error).toBeUndefined();
    const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('agents')`.execute(db);
    expect(columns.rows.map((c) => c.name)).not.toContain('centre_id');
  });
});
