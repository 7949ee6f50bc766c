/**
 * Tickets in the database: issue (numbered per Asia/Shanghai day), cancel, the atomic accept, and
 * the waiting queue. Every multi-step change is one transaction, so any server node could run it.
 */
import { randomUUID } from 'node:crypto';
import {
  AuthError,
  QueueError,
  RequestError,
  type IdentityIntent,
  type QueueEntry,
  type Ticket,
  type TicketPosition,
  TicketNeed,
} from '@rvw/shared';
import { DEFAULT_CENTRE_ID } from '../db/migration-0008-routing';
import { checkpointAfterPurge, type Db } from '../db/database';
import type { SessionRow, TicketRow } from '../db/schema';
import { mappingStorageErrors, UniqueViolation } from '../db/storage-errors';
import { toKiosk } from '../kiosks/kiosk-store';
import { identitySummary, purgeIdentity } from '../identity/identity-store';
import { formatTicketNumber, orderQueue, positions, shanghaiDay } from './queue-rules';
import { withReturns } from './returning';

/** The client-facing shape of a ticket row. */
export function toTicket(row: TicketRow, hasIdentity: boolean): Ticket {
  return {
    id: row.id,
    number: row.number,
    kioskId: row.kiosk_id,
    status: row.status,
    createdAt: row.created_at,
    hasIdentity,
    need: TicketNeed.catch('unsure').parse(row.need),
    centreId: row.centre_id,
  };
}

/** A ticket row by id, with whether an identity is attached. */
export async function getTicket(
  db: Db,
  ticketId: string,
): Promise<{ row: TicketRow; hasIdentity: boolean } | null> {
  const row = await db
    .selectFrom('tickets as t')
    .leftJoin('ticket_identities as i', 'i.ticket_id', 't.id')
    .selectAll('t')
    .select('i.ticket_id as identity_of')
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
  if (!row) return null;
  const { identity_of, ...ticket } = row;
  return { row: ticket, hasIdentity: identity_of !== null };
}

/** The kiosk's open (waiting or serving) ticket, if any. */
export async function openTicketOfKiosk(db: Db, kioskId: string): Promise<TicketRow | null> {
  const row = await db
    .selectFrom('tickets')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    .where('status', 'in', ['waiting', 'serving'])
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Issues the next ticket of the day to a kiosk; ALREADY_QUEUED if it holds an open ticket or session.
 * `identityIntent` is what the kiosk said of the resident's identity (default `none`).
 */
export async function issueTicket(
  db: Db,
  kioskId: string,
  now: Date,
  identityIntent: IdentityIntent = 'none',
): Promise<TicketRow> {
  try {
    return await mappingStorageErrors(() =>
      db.transaction().execute(async (trx) => {
        if (await openTicketOfKiosk(trx, kioskId)) throw QueueError.alreadyQueued();
        const day = shanghaiDay(now);
        const counter = await trx
          .insertInto('ticket_counters')
          .values({ day, last: 1 })
          .onConflict((oc) =>
            oc.column('day').doUpdateSet((eb) => ({ last: eb('ticket_counters.last', '+', 1) })),
          )
          .returning('last')
          .executeTakeFirstOrThrow();
        const row: TicketRow = {
          id: randomUUID(),
          day,
          seq: counter.last,
          number: formatTicketNumber(counter.last),
          kiosk_id: kioskId,
          status: 'waiting',
          created_at: now.toISOString(),
          agent_id: null,
          accepted_at: null,
          closed_at: null,
          identity_intent: identityIntent,
          need: 'unsure',
          centre_id: DEFAULT_CENTRE_ID,
          disability: 0,
          route_skill: null,
          target_agent_id: null,
          transferred_at: null,
          appointment_id: null,
        };
        await trx.insertInto('tickets').values(row).execute();
        return row;
      }),
    );
  } catch (err) {
    // The partial unique index caught a concurrent second request from the same kiosk (the day's
    // counter is atomic, so the open-ticket index is the only key a new ticket can collide on).
    if (err instanceof UniqueViolation) throw QueueError.alreadyQueued();
    throw err;
  }
}

/** Cancels a kiosk's own waiting ticket and drops its identity. */
export async function cancelTicket(db: Db, kioskId: string, ticketId: string, now: Date): Promise<TicketRow> {
  const cancelled = await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
    if (!current) throw RequestError.notFound('The ticket');
    if (current.kiosk_id !== kioskId) throw AuthError.forbidden('This ticket belongs to another kiosk.');
    const updated = await trx
      .updateTable('tickets')
      .set({ status: 'cancelled', closed_at: now.toISOString() })
      .where('id', '=', ticketId)
      .where('status', '=', 'waiting')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw QueueError.ticketNotWaiting();
    // Nobody will serve this ticket: the identity it carried has no purpose left.
    await trx.deleteFrom('ticket_identities').where('ticket_id', '=', ticketId).execute();
    return updated;
  });
  // The deleted identity's pages leave the WAL now, not ~1000 frames later.
  await checkpointAfterPurge(db);
  return cancelled;
}

/**
 * Accepts a waiting ticket for an agent and opens its session, atomically: one
 * `UPDATE tickets SET status='serving' WHERE id=? AND status='waiting'` decides the race.
 * Losers get TICKET_TAKEN (someone serves or served it), TICKET_NOT_WAITING (cancelled) or NOT_FOUND.
 */
export async function acceptTicket(
  db: Db,
  agentId: string,
  ticketId: string,
  now: Date,
): Promise<SessionRow> {
  return db.transaction().execute(async (trx) => {
    const busy = await trx
      .selectFrom('sessions')
      .select('id')
      .where('agent_id', '=', agentId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (busy) throw QueueError.agentBusy();
    const at = now.toISOString();
    const taken = await trx
      .updateTable('tickets')
      .set({ status: 'serving', agent_id: agentId, accepted_at: at })
      .where('id', '=', ticketId)
      .where('status', '=', 'waiting')
      .returningAll()
      .executeTakeFirst();
    if (!taken) {
      const t = await trx
        .selectFrom('tickets')
        .select('status')
        .where('id', '=', ticketId)
        .executeTakeFirst();
      if (!t) throw RequestError.notFound('The ticket');
      if (t.status === 'serving' || t.status === 'done') throw QueueError.ticketTaken();
      throw QueueError.ticketNotWaiting();
    }
    const session: SessionRow = {
      id: randomUUID(),
      ticket_id: taken.id,
      kiosk_id: taken.kiosk_id,
      agent_id: agentId,
      started_at: at,
      ended_at: null,
      ended_by: null,
      end_reason: null,
      agent_centre_id: null,
      kiosk_centre_id: null,
    };
    await trx.insertInto('sessions').values(session).execute();
    return session;
  });
}

/** Marks a ticket done and purges its full identity number (the session ended). */
export async function finishTicket(db: Db, ticketId: string, now: Date): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ status: 'done', closed_at: now.toISOString() })
    .where('id', '=', ticketId)
    .where('status', 'in', ['waiting', 'serving'])
    .execute();
  await purgeIdentity(db, ticketId, now);
}

/** A queue line before presence is known: the kiosk's recorded offline time instead of `kioskOnline`. */
export type QueueLine = Omit<QueueEntry, 'kioskOnline' | 'kioskOfflineSince'> & {
  kioskOfflineSince: string | null;
};

/** The waiting queue in service order, as agents see it (identity masked), without presence. */
export async function queueEntries(db: Db, now: Date): Promise<QueueLine[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .innerJoin('kiosks as k', 'k.id', 't.kiosk_id')
    .innerJoin('centres as c', 'c.id', 'k.centre_id')
    .leftJoin('ticket_identities as i', 'i.ticket_id', 't.id')
    .select([
      't.id as ticketId',
      't.number',
      't.created_at as createdAt',
      't.day',
      't.seq',
      't.accepted_at as requeuedAt',
      'k.id as kioskId',
      'k.name as kioskName',
      'k.location as kioskLocation',
      'k.offline_since as kioskOfflineSince',
      'k.centre_id as kioskCentreId',
      'k.kind as kioskKind',
      'c.name as centreName',
      'c.region as centreRegion',
      't.need',
      't.identity_intent as identityIntent',
      'i.card_type',
      'i.name',
      'i.gender',
      'i.birth_date',
      'i.id_number_masked',
    ])
    .where('t.status', '=', 'waiting')
    .execute();
  return orderQueue(await withReturns(db, rows)).map((r, i) => ({
    ticketId: r.ticketId,
    position: i + 1,
    number: r.number,
    kiosk: toKiosk({
      id: r.kioskId,
      name: r.kioskName,
      location: r.kioskLocation,
      centre_id: r.kioskCentreId,
      kind: r.kioskKind,
    }),
    createdAt: r.createdAt,
    need: TicketNeed.catch('unsure').parse(r.need),
    tags: [],
    place: {
      centreId: r.kioskCentreId,
      centreName: r.centreName,
      region: r.centreRegion,
      committee: r.kioskLocation,
      kioskName: r.kioskName,
      kioskKind: r.kioskKind,
    },
    identityIntent: r.identityIntent,
    kioskOfflineSince: r.kioskOfflineSince,
    ...(r.card_type !== null
      ? {
          identity: identitySummary(
            {
              card_type: r.card_type,
              name: r.name!,
              gender: r.gender!,
              birth_date: r.birth_date!,
              id_number_masked: r.id_number_masked!,
            },
            now,
          ),
        }
      : {}),
  }));
}

/** The waiting tickets in the queue rules' service order, with what the rules order by. */
async function orderedWaiting(db: Db) {
  const rows = await db
    .selectFrom('tickets')
    .select([
      'id as ticketId',
      'kiosk_id as kioskId',
      'created_at as createdAt',
      'day',
      'seq',
      // Set on a waiting ticket only when its call was lost: the queue rules serve it first.
      'accepted_at as requeuedAt',
    ])
    .where('status', '=', 'waiting')
    .execute();
  return orderQueue(await withReturns(db, rows));
}

/** Each waiting ticket's position (1 = next) and the number waiting. */
export async function waitingPositions(db: Db): Promise<{ positions: Map<string, number>; waiting: number }> {
  const ordered = await orderedWaiting(db);
  return { positions: positions(ordered), waiting: ordered.length };
}

/** The waiting tickets in service order, each with its kiosk (what "take the next one" walks). */
export async function waitingInOrder(db: Db): Promise<Array<{ ticketId: string; kioskId: string }>> {
  return (await orderedWaiting(db)).map(({ ticketId, kioskId }) => ({ ticketId, kioskId }));
}

/** Records when a kiosk's last socket went away (`at`), or that it is connected again (null). */
export async function setKioskOfflineSince(db: Db, kioskId: string, at: Date | null): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({ offline_since: at ? at.toISOString() : null })
    .where('id', '=', kioskId)
    .execute();
}

/** A kiosk's view of one ticket: its position if waiting, else 0. */
export async function ticketPosition(db: Db, ticketId: string): Promise<TicketPosition | null> {
  const t = await getTicket(db, ticketId);
  if (!t) return null;
  const { positions: pos, waiting } = await waitingPositions(db);
  return {
    ticket: toTicket(t.row, t.hasIdentity),
    position: pos.get(ticketId) ?? 0,
    waiting,
    estimate: { kind: 'none', reason: 'no-history' },
  };
}

/** One Asia/Shanghai day's tickets in issue order, whatever their status (supervisor view). */
export async function ticketsOfDay(db: Db, day: string): Promise<Ticket[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .leftJoin('ticket_identities as i', 'i.ticket_id', 't.id')
    .selectAll('t')
    .select('i.ticket_id as identity_of')
    .where('t.day', '=', day)
    .orderBy('t.seq')
    .execute();
  return rows.map(({ identity_of, ...row }) => toTicket(row, identity_of !== null));
}
