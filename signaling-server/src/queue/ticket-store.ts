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
  type Ticket,
  TicketNeed,
} from '@rvw/shared';
import { agentsInConsult, busySessionOf } from '../agents/status-store';
import { appointmentTicketed, claimAppointment } from '../appointments/appointment-store';
import { DEFAULT_CENTRE_ID } from '../db/migration-0008-routing';
import { checkpointAfterPurge, type Db } from '../db/database';
import type { SessionRow, TicketRow } from '../db/schema';
import { mappingStorageErrors, UniqueViolation } from '../db/storage-errors';
import { purgeIdentity } from '../identity/identity-store';
import { reassignSession } from '../transfers/transfer-store';
import { formatTicketNumber, shanghaiDay } from './queue-rules';

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

/** What the kiosk said with its request (issue 11): the tile pressed, the disability answer, an appointment. */
export interface TicketRequest {
  /** Default `unsure`. */
  need?: TicketNeed;
  disability?: boolean;
  /** An appointment checked in at this kiosk: the ticket gets its skill and the appointment priority. */
  appointmentId?: string;
}

/**
 * Issues the next ticket of the day to a kiosk, in the kiosk's centre; ALREADY_QUEUED if it holds an
 * open ticket or session. `identityIntent` is what the kiosk said of the resident's identity (default
 * `none`). With an appointment, the appointments area claims it (WRONG_STATE / NOT_FOUND when it is
 * not this kiosk's arrived appointment or not due) and the ticket's need is the slot's skill.
 */
export async function issueTicket(
  db: Db,
  kioskId: string,
  now: Date,
  identityIntent: IdentityIntent = 'none',
  request: TicketRequest = {},
): Promise<TicketRow> {
  try {
    return await mappingStorageErrors(() =>
      db.transaction().execute(async (trx) => {
        if (await openTicketOfKiosk(trx, kioskId)) throw QueueError.alreadyQueued();
        const kiosk = await trx
          .selectFrom('kiosks')
          .select('centre_id')
          .where('id', '=', kioskId)
          .executeTakeFirst();
        const claimed = request.appointmentId
          ? await claimAppointment(trx, { appointmentId: request.appointmentId, kioskId, now })
          : null;
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
          need: claimed?.skill ?? request.need ?? 'unsure',
          centre_id: kiosk?.centre_id ?? DEFAULT_CENTRE_ID,
          disability: request.disability ? 1 : 0,
          route_skill: null,
          target_agent_id: null,
          transferred_at: null,
          appointment_id: request.appointmentId ?? null,
        };
        await trx.insertInto('tickets').values(row).execute();
        if (request.appointmentId) await appointmentTicketed(trx, request.appointmentId, row.id);
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

/** Who accepts what: the agent (and their centre), the ticket, and the offer it comes through, if any. */
export interface AcceptInput {
  agentId: string;
  ticketId: string;
  now: Date;
  /** The accepting agent's centre (recorded on the session with the kiosk's, for cross-centre figures). */
  agentCentreId: string;
  /** Taken through this offer: it must still be this agent's open offer of this ticket (CONFLICT otherwise). */
  offerId?: string;
}

/**
 * Accepts a waiting ticket for an agent and opens its session, atomically: one
 * `UPDATE tickets SET status='serving' WHERE id=? AND status='waiting'` decides the race.
 * Losers get TICKET_TAKEN (someone serves or served it), TICKET_NOT_WAITING (cancelled) or NOT_FOUND;
 * an agent who serves a session already, or is invited to or in a consulted hand-over, gets AGENT_BUSY
 * (a session they handed over by a blind transfer does not count). A waiting ticket whose session is still open (a blind transfer) keeps
 * that session, handed to this agent (`reassigned`), instead of a new one.
 */
export async function acceptTicket(
  db: Db,
  input: AcceptInput,
): Promise<{ session: SessionRow; reassigned: boolean }> {
  const { agentId, ticketId, now } = input;
  return db.transaction().execute(async (trx) => {
    // Busy: serving a session, or invited to / in a consulted hand-over as its second agent.
    if (await busySessionOf(trx, agentId)) throw QueueError.agentBusy();
    if ((await agentsInConsult(trx, { agentIds: [agentId] })).size > 0) throw QueueError.agentBusy('consult');
    const at = now.toISOString();
    if (input.offerId) {
      const taken = await trx
        .updateTable('offers')
        .set({ outcome: 'accepted', decided_at: at })
        .where('id', '=', input.offerId)
        .where('agent_id', '=', agentId)
        .where('ticket_id', '=', ticketId)
        .where('outcome', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 0) throw QueueError.offerGone();
    }
    const taken = await trx
      .updateTable('tickets')
      .set({
        status: 'serving',
        agent_id: agentId,
        accepted_at: at,
        // What a blind transfer asked for is done once someone takes it (a later lost call requeues
        // it for anyone, at the front).
        route_skill: null,
        target_agent_id: null,
        transferred_at: null,
      })
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
    const open = await trx
      .selectFrom('sessions')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (open) {
      const session = await reassignSession(trx, { sessionId: open.id, ticketId, toAgentId: agentId, now });
      return { session, reassigned: true };
    }
    const kiosk = await trx
      .selectFrom('kiosks')
      .select('centre_id')
      .where('id', '=', taken.kiosk_id)
      .executeTakeFirst();
    const session: SessionRow = {
      id: randomUUID(),
      ticket_id: taken.id,
      kiosk_id: taken.kiosk_id,
      agent_id: agentId,
      started_at: at,
      ended_at: null,
      ended_by: null,
      end_reason: null,
      agent_centre_id: input.agentCentreId,
      kiosk_centre_id: kiosk?.centre_id ?? taken.centre_id,
    };
    await trx.insertInto('sessions').values(session).execute();
    return { session, reassigned: false };
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

/** Records when a kiosk's last socket went away (`at`), or that it is connected again (null). */
export async function setKioskOfflineSince(db: Db, kioskId: string, at: Date | null): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({ offline_since: at ? at.toISOString() : null })
    .where('id', '=', kioskId)
    .execute();
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
