/** Migration 0010 (issue 12 #1, enrolment codes), in a file of its own beside migrations.ts. */
import { sql, type Migration } from 'kysely';
import type { AnyDb } from './migrations';

// One-time codes a supervisor issues and a kiosk redeems for its token: the code's hash only, its
// centre and location, who issued it, when it was used (and by which kiosk) or withdrawn. Attempts
// to redeem are counted per client address in the database, so every node shares the limit.
export const m0010: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('enrolment_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
      .addColumn('location', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('fixed', 'portable')`))
      .addColumn('created_by', 'text', (c) => c.references('agents.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('kiosk_id', 'text', (c) => c.references('kiosks.id'))
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text', (c) => c.references('agents.id'))
      .execute();
    await db.schema
      .createIndex('enrolment_codes_centre_open')
      .on('enrolment_codes')
      .columns(['centre_id', 'expires_at'])
      .execute();
    await db.schema
      .createTable('enrolment_attempts')
      .addColumn('address', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('enrolment_attempts').execute();
    await db.schema.dropTable('enrolment_codes').execute();
  },
};
