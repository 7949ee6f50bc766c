/**
 * Nothing personal is held forever. Two rules (three with the cases' own), applied by a periodic sweep:
 * - a full identity number on a ticket nobody serves expires (default at the end of the
 *   Asia/Shanghai day it was attached on; RVW_IDENTITY_MAX_AGE_HOURS sets a shorter age) and is
 *   purged to its masked form;
 * - a waiting ticket whose kiosk has been offline longer than its grace period
 *   (RVW_ABANDONED_TICKET_GRACE_SECONDS) is closed (cancelled) and its identity deleted.
 * The deadlines are computed from the database (consented_at, kiosks.offline_since), so a restart
 * or another node applies the same rules; the timer only wakes the sweep.
 */
import type { Logger } from 'pino';
import type { Clock, Scheduler } from '../clock';
import { checkpointAfterPurge, type Db } from '../db/database';
import type { TicketRow } from '../db/schema';
import type { QueueNotifier } from '../queue/queue-notifier';
import { shanghaiDay } from '../queue/queue-rules';
import type { Presence } from '../socket/presence';
import { purgeIdentity } from './identity-store';

const SHANGHAI_OFFSET = '+08:00'; // Asia/Shanghai has had no daylight saving time since 1991.

/** When a full number attached at `consentedAt` expires: after `maxAgeHours`, or at the end of its Shanghai day. */
export function identityExpiry(consentedAt: Date, maxAgeHours: number | null): Date {
  if (maxAgeHours !== null) return new Date(consentedAt.getTime() + maxAgeHours * 3_600_000);
  const startOfDay = Date.parse(`${shanghaiDay(consentedAt)}T00:00:00${SHANGHAI_OFFSET}`);
  return new Date(startOfDay + 24 * 3_600_000);
}

/**
 * Purges every full number held past its expiry on a ticket nobody serves now (a serving ticket's
 * number is purged when its session ends). Returns the tickets whose number was purged.
 */
export async function purgeExpiredIdentities(
  db: Db,
  now: Date,
  maxAgeHours: number | null,
): Promise<string[]> {
  const held = await db
    .selectFrom('ticket_identities as i')
    .innerJoin('tickets as t', 't.id', 'i.ticket_id')
    .select(['i.ticket_id', 'i.consented_at'])
    .where('i.purged_at', 'is', null)
    .where('t.status', '!=', 'serving')
    .execute();
  const expired = held.filter((r) => identityExpiry(new Date(r.consented_at), maxAgeHours) <= now);
  for (const r of expired) await purgeIdentity(db, r.ticket_id, now);
  return expired.map((r) => r.ticket_id);
}

/**
 * Closes the waiting tickets whose kiosk went offline more than `graceMs` ago: status cancelled,
 * identity deleted (nobody will serve them; the kiosk starts afresh when it returns). Returns them.
 */
export async function closeAbandonedTickets(db: Db, now: Date, graceMs: number): Promise<TicketRow[]> {
  const cutoff = new Date(now.getTime() - graceMs).toISOString();
  const closed = await db.transaction().execute(async (trx) => {
    const abandoned = await trx
      .selectFrom('tickets as t')
      .innerJoin('kiosks as k', 'k.id', 't.kiosk_id')
      .select('t.id')
      .where('t.status', '=', 'waiting')
      .where('k.offline_since', 'is not', null)
      .where('k.offline_since', '<=', cutoff)
      .execute();
    if (!abandoned.length) return [];
    const ids = abandoned.map((r) => r.id);
    const rows = await trx
      .updateTable('tickets')
      .set({ status: 'cancelled', closed_at: now.toISOString() })
      .where('id', 'in', ids)
      .where('status', '=', 'waiting')
      .returningAll()
      .execute();
    await trx.deleteFrom('ticket_identities').where('ticket_id', 'in', ids).execute();
    return rows;
  });
  if (closed.length) await checkpointAfterPurge(db);
  return closed;
}

/** What the sweep needs. */
export interface RetentionSweepDeps {
  db: Db;
  clock: Clock;
  scheduler: Scheduler;
  presence: Presence;
  notifier: QueueNotifier;
  log: Logger;
  identityMaxAgeHours: number | null;
  abandonedTicketGraceMs: number;
  /** The cases' rule (cases/case-retention.ts): purges identity data of cases closed long enough ago. */
  purgeCases?: (now: Date) => Promise<string[]>;
  /** How often the sweep runs; default 60 s. */
  intervalMs?: number;
}

/** Runs the retention rules at start and then periodically. */
export class RetentionSweep {
  private handle: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: RetentionSweepDeps) {}

  /** Runs once now and schedules the next runs. */
  async start(): Promise<void> {
    await this.runOnce();
    this.schedule();
  }

  /** Stops the timer. */
  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.deps.scheduler.cancel(this.handle);
    this.handle = null;
  }

  /** One pass of both rules (concurrent calls share the pass). Failures are logged, never thrown. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.handle = this.deps.scheduler.schedule(() => {
      void this.runOnce().then(() => this.schedule());
    }, this.deps.intervalMs ?? 60_000);
  }

  private async pass(): Promise<void> {
    const { db, clock, log } = this.deps;
    try {
      await this.reconcileKioskPresence();
      const now = clock();
      const purged = await purgeExpiredIdentities(db, now, this.deps.identityMaxAgeHours);
      if (purged.length) log.info({ tickets: purged }, 'identity numbers expired and purged');
      const closed = await closeAbandonedTickets(db, now, this.deps.abandonedTicketGraceMs);
      for (const t of closed) {
        log.info({ ticketId: t.id, kioskId: t.kiosk_id }, 'ticket closed: its kiosk stayed offline');
        await this.deps.notifier.pushTicket(t.id, t.kiosk_id);
      }
      if (closed.length || purged.length) await this.deps.notifier.queueChanged();
      const cases = (await this.deps.purgeCases?.(now)) ?? [];
      if (cases.length) log.info({ cases }, 'case identity data past its retention purged');
    } catch (err) {
      log.error({ err }, 'retention sweep failed');
    }
  }

  // The offline marks must match presence before the rule reads them: a kiosk connected when the
  // server stopped and never back since has no mark (nobody saw it leave), so its grace starts now;
  // a kiosk back on another node keeps its ticket.
  private async reconcileKioskPresence(): Promise<void> {
    const { db, clock, presence } = this.deps;
    const kiosks = await db
      .selectFrom('tickets as t')
      .innerJoin('kiosks as k', 'k.id', 't.kiosk_id')
      .select(['k.id', 'k.offline_since'])
      .distinct()
      .where('t.status', '=', 'waiting')
      .execute();
    for (const k of kiosks) {
      const present = await presence.isPresent('kiosk', k.id);
      if (present === (k.offline_since === null)) continue;
      await db
        .updateTable('kiosks')
        .set({ offline_since: present ? null : clock().toISOString() })
        .where('id', '=', k.id)
        .execute();
    }
  }
}
