/** Migration 0007 (issue 10, paper in and out), in a file of its own beside migrations.ts. */
import { sql, type Migration } from 'kysely';
import type { AnyDb } from './migrations';

// The consent ledger's kinds as of issue 10 (the table is rebuilt to widen its CHECK).
const CONSENT_KINDS_0007 = sql`kind in ('share-identity', 'confirm-form', 'sign-form', 'print', 'capture-material')`;

// Issue 10: archived documents (encrypted PDFs) with what they were rendered from and every
// download, print jobs, capture requests and materials (encrypted images); the consent ledger
// accepts 'capture-material'. SQLite cannot alter a CHECK: the ledger is rebuilt, its rows copied
// with their ids, and its indexes and append-only triggers made again (DROP TABLE fires no trigger).
export const m0007: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('consent_entries_0007')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(CONSENT_KINDS_0007))
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
      .addColumn('case_id', 'text', (c) => c.references('cases.id'))
      .addColumn('revision', 'integer')
      .addColumn('hash', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('zh-CN', 'en')`))
      .execute();
    await sql`INSERT INTO consent_entries_0007 (id, at, kind, kiosk_id, ticket_id, case_id, revision, hash, text, locale)
      SELECT id, at, kind, kiosk_id, ticket_id, case_id, revision, hash, text, locale FROM consent_entries`.execute(
      db,
    );
    await db.schema.dropTable('consent_entries').execute();
    await sql`ALTER TABLE consent_entries_0007 RENAME TO consent_entries`.execute(db);
    await db.schema.createIndex('consent_entries_case').on('consent_entries').column('case_id').execute();
    await db.schema.createIndex('consent_entries_ticket').on('consent_entries').column('ticket_id').execute();
    await sql`CREATE TRIGGER consent_entries_no_update BEFORE UPDATE ON consent_entries
      BEGIN SELECT RAISE(ABORT, 'consent_entries is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER consent_entries_no_delete BEFORE DELETE ON consent_entries
      BEGIN SELECT RAISE(ABORT, 'consent_entries is append-only'); END`.execute(db);

    // What a case's documents were rendered from besides the case: the centre, the agent's name and
    // the resident (encrypted), so that the same case renders the same bytes later.
    await db.schema
      .createTable('document_sources')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
      .addColumn('centre_name', 'text', (c) => c.notNull())
      .addColumn('agent_name', 'text', (c) => c.notNull())
      .addColumn('resident', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resident_purged_at', 'text')
      .execute();

    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('application-form', 'receipt', 'one-time-notice', 'item-notice')`),
      )
      .addColumn('catalogue_document_id', 'text')
      .addColumn('title_zh', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('pages', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('documents_case_slot', ['case_id', 'slot'])
      .execute();

    await db.schema
      .createTable('document_downloads')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('agent', 'admin', 'kiosk')`))
      .addColumn('job_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('document_downloads_document')
      .on('document_downloads')
      .column('document_id')
      .execute();

    await db.schema
      .createTable('print_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('offered', 'queued', 'printing', 'done', 'failed', 'declined')`),
      )
      .addColumn('reason', 'text')
      .addColumn('detail', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('print_jobs_session_request', ['session_id', 'request_id'])
      .execute();
    await db.schema.createIndex('print_jobs_case').on('print_jobs').column('case_id').execute();

    await db.schema
      .createTable('material_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('asked', 'consented', 'captured', 'declined', 'cancelled')`),
      )
      .addColumn('material_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('material_requests_session')
      .on('material_requests')
      .column('session_id')
      .execute();

    await db.schema
      .createTable('materials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('request_id', 'text', (c) => c.notNull().unique().references('material_requests.id'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull().check(sql`mime in ('image/jpeg', 'image/png')`))
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content', 'text')
      .addColumn('captured_at', 'text', (c) => c.notNull())
      .addColumn('purged_at', 'text')
      .execute();
    await db.schema.createIndex('materials_case').on('materials').column('case_id').execute();
  },
  async down(db: AnyDb) {
    for (const t of [
      'materials',
      'material_requests',
      'print_jobs',
      'document_downloads',
      'documents',
      'document_sources',
    ])
      await db.schema.dropTable(t).execute();
  },
};
