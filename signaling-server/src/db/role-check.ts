/**
 * Accounts gained a role (issue 12: `technician`), and the `agents` table's CHECK from migration
 * 0001 names only `agent` and `admin`. SQLite cannot alter a CHECK, and its documented way to change
 * a table's definition (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
 * Schema Changes") needs foreign keys switched off, which cannot be done inside the transaction a
 * Kysely migration runs in. So this step runs right after the migrations, on the raw connection:
 * foreign keys off; in one transaction a new table from the stored definition with the wider CHECK,
 * the rows copied, the old table dropped, the new one renamed, its indexes made again, and
 * `foreign_key_check` empty before the commit; foreign keys on again. It does nothing once done.
 */
import type BetterSqlite3 from 'better-sqlite3';

const NARROW = "role in ('agent', 'admin')";
const WIDE = "role in ('agent', 'admin', 'technician')";

/** Widens the `agents.role` CHECK to take technicians; true when it changed the table. */
export function widenAccountRoles(sqlite: BetterSqlite3.Database): boolean {
  const table = sqlite
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'agents'")
    .get() as { sql: string } | undefined;
  if (!table || !table.sql.includes(NARROW)) return false;
  const indexes = (
    sqlite
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'agents' AND sql IS NOT NULL",
      )
      .all() as Array<{ sql: string }>
  ).map((r) => r.sql);
  const created = table.sql
    .replace(NARROW, WIDE)
    .replace(/^CREATE TABLE\s+"?agents"?/i, 'CREATE TABLE "agents_new"');
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      sqlite.exec(created);
      sqlite.exec('INSERT INTO "agents_new" SELECT * FROM "agents"');
      sqlite.exec('DROP TABLE "agents"');
      sqlite.exec('ALTER TABLE "agents_new" RENAME TO "agents"');
      for (const index of indexes) sqlite.exec(index);
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0)
        throw new Error(`widening the account roles would break ${broken.length} references`);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return true;
}
