/** Migration 0008 (issue 11, routing and supervision), in a file of its own beside migrations.ts. */
import { sql, type Migration } from 'kysely';
import { DEFAULT_ROUTING } from '@rvw/shared';
import type { AnyDb } from './migrations';

/** The centre every account, kiosk and ticket from before issue 11 belongs to. */
export const DEFAULT_CENTRE_ID = 'main';

// Issue 11: centres with their routing settings; agents get a centre, skills and a status (every
// change recorded); kiosks a centre and a kind; tickets a need, a centre, the disability answer, an
// appointment and what a transfer set; sessions the centres of both members (cross-centre figures);
// offers; transfers; appointment slots and appointments; follow-ups an assignee and notes.
export const m0008: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('centres')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('partners', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('routing', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await sql`INSERT INTO centres (id, name, region, partners, routing, created_at)
      VALUES (${DEFAULT_CENTRE_ID}, '社区事务受理服务中心', '上海市', '[]', ${JSON.stringify(DEFAULT_ROUTING)}, ${new Date().toISOString()})`.execute(
      db,
    );

    await db.schema
      .alterTable('agents')
      // No REFERENCES: SQLite cannot add one with a non-NULL default to a table that has rows; the
      // stores check the centre exists when they write it.
      .addColumn('centre_id', 'text', (c) => c.notNull().defaultTo(DEFAULT_CENTRE_ID))
      .execute();
    await db.schema
      .alterTable('agents')
      .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('agents')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('away')
          .check(sql`status in ('available', 'in-session', 'wrap-up', 'away')`),
      )
      .execute();
    await db.schema.alterTable('agents').addColumn('status_since', 'text').execute();
    await db.schema
      .createTable('agent_status_changes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('agent_status_changes_at')
      .on('agent_status_changes')
      .columns(['at'])
      .execute();
    await db.schema
      .createIndex('agent_status_changes_agent')
      .on('agent_status_changes')
      .columns(['agent_id', 'at'])
      .execute();

    await db.schema
      .alterTable('kiosks')
      // No REFERENCES: SQLite cannot add one with a non-NULL default to a table that has rows; the
      // stores check the centre exists when they write it.
      .addColumn('centre_id', 'text', (c) => c.notNull().defaultTo(DEFAULT_CENTRE_ID))
      .execute();
    await db.schema
      .alterTable('kiosks')
      .addColumn('kind', 'text', (c) =>
        c
          .notNull()
          .defaultTo('fixed')
          .check(sql`kind in ('fixed', 'portable')`),
      )
      .execute();

    for (const [name, type, dflt] of [
      ['need', 'text', 'unsure'],
      ['centre_id', 'text', DEFAULT_CENTRE_ID],
      ['disability', 'integer', 0],
    ] as const) {
      await db.schema
        .alterTable('tickets')
        .addColumn(name, type, (c) => c.notNull().defaultTo(dflt))
        .execute();
    }
    // A blind transfer: the skill it now waits for (instead of its need), the one agent it waits
    // for, and when it went back (front of the queue).
    for (const name of ['route_skill', 'target_agent_id', 'transferred_at', 'appointment_id'])
      await db.schema.alterTable('tickets').addColumn(name, 'text').execute();
    await db.schema
      .createIndex('tickets_waiting_centre')
      .on('tickets')
      .columns(['status', 'centre_id'])
      .execute();

    for (const name of ['agent_centre_id', 'kiosk_centre_id'])
      await db.schema.alterTable('sessions').addColumn(name, 'text').execute();

    await db.schema
      .createTable('offers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('centre_id', 'text', (c) => c.notNull())
      .addColumn('need', 'text', (c) => c.notNull())
      .addColumn('offered_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) =>
        c.check(sql`outcome in ('accepted', 'missed', 'declined', 'withdrawn')`),
      )
      .addColumn('decided_at', 'text')
      .execute();
    // At most one open offer per ticket and per agent: the store's insert decides races.
    await sql`CREATE UNIQUE INDEX offers_open_ticket ON offers (ticket_id) WHERE outcome IS NULL`.execute(db);
    await sql`CREATE UNIQUE INDEX offers_open_agent ON offers (agent_id) WHERE outcome IS NULL`.execute(db);
    await db.schema.createIndex('offers_offered_at').on('offers').columns(['offered_at']).execute();

    await db.schema
      .createTable('transfers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
      .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('blind', 'consulted')`))
      .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('agent', 'skill')`))
      .addColumn('target_agent_id', 'text')
      .addColumn('target_skill', 'text')
      .addColumn('from_agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('to_agent_id', 'text')
      .addColumn('phase', 'text', (c) =>
        c.notNull().check(sql`phase in ('inviting', 'consulting', 'queued', 'completed', 'cancelled')`),
      )
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('transfers_session').on('transfers').columns(['session_id']).execute();

    await db.schema
      .createTable('appointment_slots')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('item_code', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('specialist_agent_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('appointment_slots_centre')
      .on('appointment_slots')
      .columns(['centre_id', 'starts_at'])
      .execute();
    await db.schema
      .createTable('appointments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slot_id', 'text', (c) => c.notNull().references('appointment_slots.id'))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('booked', 'arrived', 'served', 'cancelled', 'missed')`),
      )
      .addColumn('resident_name', 'text', (c) => c.notNull())
      .addColumn('id_hash', 'text', (c) => c.notNull())
      .addColumn('id_masked', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('booked_by', 'text', (c) => c.notNull())
      .addColumn('booked_at', 'text', (c) => c.notNull())
      .addColumn('kiosk_id', 'text')
      .addColumn('arrived_at', 'text')
      .addColumn('ticket_id', 'text')
      .execute();
    await db.schema.createIndex('appointments_slot').on('appointments').columns(['slot_id']).execute();
    await db.schema.createIndex('appointments_id_hash').on('appointments').columns(['id_hash']).execute();

    await db.schema.alterTable('follow_ups').addColumn('assigned_to', 'text').execute();
    await db.schema
      .createTable('follow_up_notes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('follow_up_id', 'text', (c) => c.notNull().references('follow_ups.id'))
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    for (const t of [
      'follow_up_notes',
      'appointments',
      'appointment_slots',
      'transfers',
      'offers',
      'agent_status_changes',
    ])
      await db.schema.dropTable(t).execute();
    await db.schema.alterTable('follow_ups').dropColumn('assigned_to').execute();
    await db.schema.dropIndex('tickets_waiting_centre').execute();
    for (const c of ['agent_centre_id', 'kiosk_centre_id'])
      await db.schema.alterTable('sessions').dropColumn(c).execute();
    for (const c of [
      'need',
      'centre_id',
      'disability',
      'route_skill',
      'target_agent_id',
      'transferred_at',
      'appointment_id',
    ])
      await db.schema.alterTable('tickets').dropColumn(c).execute();
    for (const c of ['centre_id', 'kind']) await db.schema.alterTable('kiosks').dropColumn(c).execute();
    for (const c of ['centre_id', 'skills', 'status', 'status_since'])
      await db.schema.alterTable('agents').dropColumn(c).execute();
    await db.schema.dropTable('centres').execute();
  },
};
