/**
 * Versioned migrations, in code (no files to ship). Each name sorts in order; a migration never
 * changes once released: add a new one instead.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { m0007 } from './migration-0007-paper';
import { m0008 } from './migration-0008-routing';
import { m0009 } from './migration-0009-transfers';
import { m0010 } from './migration-0010-enrolment';
import { m0011 } from './migration-0011-fleet';

// Migrations see an untyped database: the schema at their time, not today's.
export type AnyDb = Kysely<unknown>;

const m0001: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('agent', 'admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();

    await db.schema
      .createTable('auth_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('kiosks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('location', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('ticket_counters')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('tickets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('waiting', 'serving', 'done', 'cancelled')`),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text', (c) => c.references('agents.id'))
      .addColumn('accepted_at', 'text')
      .addColumn('closed_at', 'text')
      .addUniqueConstraint('tickets_day_seq', ['day', 'seq'])
      .execute();
    await db.schema.createIndex('tickets_status').on('tickets').columns(['status', 'created_at']).execute();
    // A kiosk holds at most one open ticket: the database enforces it even if the code forgets.
    await db.schema
      .createIndex('tickets_one_open_per_kiosk')
      .on('tickets')
      .column('kiosk_id')
      .unique()
      .where(sql.ref('status'), 'in', ['waiting', 'serving'])
      .execute();

    await db.schema
      .createTable('ticket_identities')
      .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
      .addColumn('card_type', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('english_name', 'text')
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('id_number_masked', 'text', (c) => c.notNull())
      .addColumn('id_number_valid', 'integer', (c) => c.notNull())
      .addColumn('nation', 'text')
      .addColumn('nationality', 'text')
      .addColumn('consented_at', 'text', (c) => c.notNull())
      .addColumn('purged_at', 'text')
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('tickets.id'))
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('ended_by', 'text', (c) => c.check(sql`ended_by in ('kiosk', 'agent', 'system')`))
      .addColumn('end_reason', 'text')
      .execute();
    await db.schema.createIndex('sessions_open').on('sessions').columns(['ended_at']).execute();

    await db.schema
      .createTable('identity_reveals')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    for (const t of [
      'identity_reveals',
      'sessions',
      'ticket_identities',
      'tickets',
      'ticket_counters',
      'kiosks',
      'auth_sessions',
      'agents',
    ]) {
      await db.schema.dropTable(t).execute();
    }
  },
};

// Absence deadlines live in the database, so that a restart (or another node) honours them; the
// process timers only wake the check.
const m0002: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('member_absences')
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
      .addColumn('member', 'text', (c) => c.notNull().check(sql`member in ('kiosk', 'agent')`))
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('member_absences_pk', ['session_id', 'member'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('member_absences').execute();
  },
};

// Issue 8: agents see an offline kiosk (and since when), and why a ticket carries no identity.
const m0003: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('kiosks').addColumn('offline_since', 'text').execute();
    await db.schema
      .alterTable('tickets')
      .addColumn('identity_intent', 'text', (c) =>
        c
          .notNull()
          .defaultTo('none')
          .check(sql`identity_intent in ('pending', 'declined', 'none')`),
      )
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('tickets').dropColumn('identity_intent').execute();
    await db.schema.alterTable('kiosks').dropColumn('offline_since').execute();
  },
};

// One row the health check rewrites to prove that the store can write again after a failure.
const m0004: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('storage_probe')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('storage_probe').execute();
  },
};

// Failed sign-ins per account and per address live in the database, so that every node (and a
// restarted server) sees the same counters and locks.
const m0005: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text')
      .addColumn('locked_until', 'text')
      .execute();
    await db.schema.createIndex('login_throttle_last_at').on('login_throttle').column('last_at').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('login_throttle').execute();
  },
};

// Issue 9: cases with their encrypted form, revisions, signatures, the append-only consent ledger,
// ratings and their follow-ups, reads of identity data; the identity gains address, issuer, validity.
const m0006: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('ticket_identities').addColumn('address', 'text').execute();
    await db.schema.alterTable('ticket_identities').addColumn('issuer', 'text').execute();
    await db.schema.alterTable('ticket_identities').addColumn('valid_from', 'text').execute();
    await db.schema.alterTable('ticket_identities').addColumn('valid_to', 'text').execute();

    await db.schema
      .createTable('case_counters')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('item_code', 'text', (c) => c.notNull())
      .addColumn('item_version', 'integer', (c) => c.notNull())
      .addColumn('item_snapshot', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed', 'abandoned')`))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('form_values', 'text', (c) => c.notNull())
      .addColumn('form_hash', 'text', (c) => c.notNull())
      .addColumn('from_card', 'text', (c) => c.notNull())
      .addColumn('flags', 'text', (c) => c.notNull())
      .addColumn('last_changed', 'text')
      .addColumn('confirm_requested', 'integer')
      .addColumn('confirmation', 'text')
      .addColumn('signed_revision', 'integer')
      .addColumn('outcome', 'text', (c) =>
        c.check(sql`outcome in ('completed', 'accepted', 'consultation', 'transferred', 'not-done')`),
      )
      .addColumn('reason', 'text')
      .addColumn('next_step', 'text')
      .addColumn('note', 'text')
      .addColumn('outcome_at', 'text')
      .addColumn('abandon_reason', 'text')
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('identity_purged_at', 'text')
      .addUniqueConstraint('cases_day_seq', ['day', 'seq'])
      .execute();
    await db.schema.createIndex('cases_session').on('cases').columns(['session_id', 'opened_at']).execute();
    await db.schema.createIndex('cases_item_status').on('cases').columns(['item_code', 'status']).execute();
    await db.schema.createIndex('cases_closed_at').on('cases').columns(['closed_at']).execute();

    await db.schema
      .createTable('form_revisions')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('old_value', 'text', (c) => c.notNull())
      .addColumn('new_value', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('form_revisions_pk', ['case_id', 'revision'])
      .execute();

    await db.schema
      .createTable('signatures')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('strokes', 'text')
      .addColumn('canvas_width', 'integer', (c) => c.notNull())
      .addColumn('canvas_height', 'integer', (c) => c.notNull())
      .addColumn('signed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('signatures_pk', ['case_id', 'revision'])
      .execute();

    await db.schema
      .createTable('consent_entries')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('share-identity', 'confirm-form', 'sign-form', 'print')`),
      )
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
      .addColumn('case_id', 'text', (c) => c.references('cases.id'))
      .addColumn('revision', 'integer')
      .addColumn('hash', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('zh-CN', 'en')`))
      .execute();
    await db.schema.createIndex('consent_entries_case').on('consent_entries').column('case_id').execute();
    await db.schema.createIndex('consent_entries_ticket').on('consent_entries').column('ticket_id').execute();
    // The ledger is append-only: the database itself refuses to change or remove an entry. (On
    // PostgreSQL: a BEFORE UPDATE OR DELETE trigger whose function RAISEs an exception, and
    // REVOKE UPDATE, DELETE, TRUNCATE on the table from the application's role.)
    await sql`CREATE TRIGGER consent_entries_no_update BEFORE UPDATE ON consent_entries
      BEGIN SELECT RAISE(ABORT, 'consent_entries is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER consent_entries_no_delete BEFORE DELETE ON consent_entries
      BEGIN SELECT RAISE(ABORT, 'consent_entries is append-only'); END`.execute(db);

    await db.schema
      .createTable('ratings')
      .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id'))
      .addColumn('rated', 'integer', (c) => c.notNull())
      .addColumn('level', 'text')
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('staff_note', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('follow_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().unique().references('ratings.session_id'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text', (c) => c.references('agents.id'))
      .addColumn('closing_note', 'text')
      .execute();
    await db.schema
      .createIndex('follow_ups_open')
      .on('follow_ups')
      .columns(['closed_at', 'opened_at'])
      .execute();

    await db.schema
      .createTable('case_reads')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('what', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_reads_case').on('case_reads').column('case_id').execute();
  },
  async down(db: AnyDb) {
    for (const t of [
      'case_reads',
      'follow_ups',
      'ratings',
      'consent_entries',
      'signatures',
      'form_revisions',
      'cases',
      'case_counters',
    ]) {
      await db.schema.dropTable(t).execute();
    }
    for (const c of ['valid_to', 'valid_from', 'issuer', 'address'])
      await db.schema.alterTable('ticket_identities').dropColumn(c).execute();
  },
};

/** All migrations by name; the Migrator applies them in name order. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_member_absences': m0002,
  '0003_kiosk_presence_identity_intent': m0003,
  '0004_storage_probe': m0004,
  '0005_login_throttle': m0005,
  '0006_cases': m0006,
  '0007_paper': m0007,
  '0008_routing': m0008,
  '0009_transfers': m0009,
  '0010_enrolment': m0010,
  '0011_fleet': m0011,
};

/** Feeds the in-code migrations to Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
