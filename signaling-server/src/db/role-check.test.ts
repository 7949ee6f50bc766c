/** The account roles' CHECK widened after the migrations: technicians fit, references survive. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import { GuardedSqliteDialect } from './guarded-driver';
import { migrate } from './database';
import { widenAccountRoles } from './role-check';
import type { Database } from './schema';

let db: Db | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await db?.destroy();
  db = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const account = (id: string, role: string) =>
  sql`INSERT INTO agents (id, username, display_name, role, password_hash, created_at)
      VALUES (${id}, ${id}, ${id}, ${role}, 'x', '2026-12-07T00:00:00Z')`;

describe('widenAccountRoles', () => {
  it('lets a technician in, keeps the rows, indexes and references, and still refuses a made-up role', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const k = new Kysely<Database>({ dialect: new GuardedSqliteDialect(sqlite) });
    db = k;
    await migrate(k);
    await account('a1', 'admin').execute(k);
    await sql`INSERT INTO auth_sessions (id, agent_id, token_hash, created_at, expires_at)
      VALUES ('s1', 'a1', 'h', 'now', 'later')`.execute(k);
    await expect(account('t0', 'technician').execute(k)).rejects.toThrow(/CHECK/);

    expect(widenAccountRoles(sqlite)).toBe(true);
    expect(widenAccountRoles(sqlite)).toBe(false); // once done, nothing to do
    await account('t1', 'technician').execute(k);
    await expect(account('x1', 'janitor').execute(k)).rejects.toThrow(/CHECK/);
    // The session still points at its account, and foreign keys are enforced again.
    const rows = await k.selectFrom('auth_sessions').select('agent_id').execute();
    expect(rows).toEqual([{ agent_id: 'a1' }]);
    await expect(
      sql`INSERT INTO auth_sessions (id, agent_id, token_hash, created_at, expires_at)
        VALUES ('s2', 'nobody', 'h2', 'now', 'later')`.execute(k),
    ).rejects.toThrow(/FOREIGN KEY/);
    // The unique username survives the rebuild.
    await expect(account('a1b', 'agent').execute(k)).resolves.toBeDefined();
    await expect(
      sql`INSERT INTO agents (id, username, display_name, role, password_hash, created_at)
        VALUES ('dup', 'a1', 'd', 'agent', 'x', 'now')`.execute(k),
    ).rejects.toThrow(/UNIQUE/);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('runs when a server opens its database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-roles-'));
    dirs.push(dir);
    db = await openDatabase(dir);
    await account('t1', 'technician').execute(db);
    const row = await db.selectFrom('agents').select('role').where('id', '=', 't1').executeTakeFirstOrThrow();
    expect(row.role).toBe('technician');
  });
});
