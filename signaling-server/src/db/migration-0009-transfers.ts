/** Migration 0009 (issue 11, transfers), in a file of its own beside migrations.ts. */
import { sql, type Migration } from 'kysely';
import type { AnyDb } from './migrations';

// Issue 11 #6: why a transfer was cancelled (declined, timed out, withdrawn by the first agent, its
// session ended, or a restart interrupted the hand-over), and at most one open transfer per session
// (the insert decides a race between two starts).
export const m0009: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('transfers').addColumn('cancel_reason', 'text').execute();
    await sql`CREATE UNIQUE INDEX transfers_open_session ON transfers (session_id)
      WHERE phase IN ('inviting', 'consulting', 'queued')`.execute(db);
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('transfers_open_session').execute();
    await db.schema.alterTable('transfers').dropColumn('cancel_reason').execute();
  },
};
