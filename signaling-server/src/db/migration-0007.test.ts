/**
 * Migration 0007 rebuilds the consent ledger to accept 'capture-material': the rows already there
 * keep their ids and content, and the ledger stays append-only.
 */
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

async function atVersion(name: string): Promise<{ db: Kysely<Database>; migrator: Migrator }> {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.pragma('foreign_keys = ON');
  db = new Kysely<Database>({ dialect: new GuardedSqliteDialect(sqlite) });
  const migrator = new Migrator({ db, provider: migrationProvider });
  const r = await migrator.migrateTo(name);
  if (r.error) throw r.error;
  return { db, migrator };
}

const entry = (kind: string) => ({
  at: '2026-12-07T01:00:00.000Z',
  kind,
  kiosk_id: 'k1',
  ticket_id: null,
  case_id: null,
  revision: null,
  hash: null,
  text: `text of ${kind}`,
  locale: 'zh-CN',
});

describe('migration 0007', () => {
  it('keeps the ledger rows, accepts capture-material, and keeps the ledger append-only', async () => {
    const { db, migrator } = await atVersion('0006_cases');
    await sql`INSERT INTO kiosks (id, name, location, token_hash, created_at) VALUES ('k1', 'K', 'L', 'h', 'now')`.execute(
      db,
    );
    const insert = (kind: string) =>
      db
        .insertInto('consent_entries')
        .values(entry(kind) as never)
        .execute();
    await insert('share-identity');
    await insert('print');
    await expect(insert('capture-material')).rejects.toThrow(/CHECK/);

    const r = await migrator.migrateToLatest();
    expect(r.error).toBeUndefined();
    const rows = await db
      .selectFrom('consent_entries')
      .select(['id', 'kind', 'text'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 1, kind: 'share-identity', text: 'text of share-identity' },
      { id: 2, kind: 'print', text: 'text of print' },
    ]);
    await insert('capture-material');
    await expect(insert('something-else')).rejects.toThrow(/CHECK/);
    expect(
      (await db.selectFrom('consent_entries').select('id').orderBy('id', 'desc').executeTakeFirst())?.id,
    ).toBe(3);
    await expect(
      db.updateTable('consent_entries').set({ text: 'changed' }).where('id', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('consent_entries').where('id', '=', 2).execute()).rejects.toThrow(
      /append-only/,
    );
    const indexes = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'consent_entries'`.execute(db);
    expect(indexes.rows.map((i) => i.name).sort()).toEqual([
      'consent_entries_case',
      'consent_entries_ticket',
    ]);
  });
});
