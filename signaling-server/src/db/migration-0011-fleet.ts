/** Migration 0011 (issue 12, the fleet), in a file of its own beside migrations.ts. */
import { sql, type Migration } from 'kysely';
import type { AnyDb } from './migrations';

// Each kiosk's latest health report with its derived level and problems; a bounded history of it
// (7 days, downsampled); the admin's settings (alert rules); remote diagnostic requests with who
// asked; credential rotations in progress; the update channels; and the call set-up times reported
// once per session and side.
export const m0011: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('kiosk_health')
      .addColumn('kiosk_id', 'text', (c) => c.primaryKey().references('kiosks.id'))
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('green', 'amber', 'red')`))
      .addColumn('problems', 'text', (c) => c.notNull())
      .addColumn('app_version', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('kiosk_health_history')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('problems', 'text', (c) => c.notNull())
      .addColumn('app_version', 'text')
      .addColumn('rtt_ms', 'real')
      .addColumn('disk_free_bytes', 'real')
      .execute();
    await db.schema
      .createIndex('kiosk_health_history_kiosk_at')
      .on('kiosk_health_history')
      .columns(['kiosk_id', 'at'])
      .execute();
    await db.schema
      .createTable('fleet_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.references('agents.id'))
      .execute();
    await db.schema
      .createTable('kiosk_diagnostics')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('logs', 'checks', 'restart')`))
      .addColumn('requested_by', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('sent', 'done', 'failed', 'expired')`),
      )
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema
      .createIndex('kiosk_diagnostics_kiosk')
      .on('kiosk_diagnostics')
      .columns(['kiosk_id', 'requested_at'])
      .execute();
    await db.schema
      .createTable('kiosk_rotations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'text')
      .execute();
    await db.schema
      .createTable('update_channels')
      .addColumn('channel', 'text', (c) => c.primaryKey().check(sql`channel in ('stable', 'beta')`))
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('rollout_percent', 'integer', (c) => c.notNull())
      .addColumn('release_notes', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.references('agents.id'))
      .execute();
    await db.schema
      .createTable('call_setups')
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
      .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('kiosk', 'agent')`))
      .addColumn('ms', 'integer', (c) => c.notNull())
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('call_setups_pk', ['session_id', 'side'])
      .execute();
  },
  async down(db: AnyDb) {
    for (const t of [
      'call_setups',
      'update_channels',
      'kiosk_rotations',
      'kiosk_diagnostics',
      'fleet_settings',
      'kiosk_health_history',
      'kiosk_health',
    ])
      await db.schema.dropTable(t).execute();
  },
};
