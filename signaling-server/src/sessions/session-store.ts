/** Sessions in the database: lookup with their members, the open session of a member, and ending. */
import { RequestError, SessionError, type EndedBy, type Session, type SessionEnded } from '@rvw/shared';
import { checkpointAfterPurge, type Db } from '../db/database';
import { toKiosk } from '../kiosks/kiosk-store';
import { finishTicket } from '../queue/ticket-store';
import { clearAbsences } from './absence-store';
import { notHandedOver } from './served-sessions';
import { sessionInCentre } from '../supervision/centre-scope';

/** A session with its two members' ids, as the server checks membership. */
export interface SessionRecord {
  session: Session;
  kioskId: string;
  agentId: string;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .innerJoin('kiosks as k', 'k.id', 's.kiosk_id')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .select([
      's.id',
      's.ticket_id',
      's.kiosk_id',
      's.agent_id',
      's.started_at',
      's.ended_at',
      's.ended_by',
      't.number',
      'k.name as kiosk_name',
      'k.location as kiosk_location',
      'k.centre_id as kiosk_centre',
      'k.kind as kiosk_kind',
      'a.display_name as agent_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): SessionRecord {
  return {
    kioskId: r.kiosk_id,
    agentId: r.agent_id,
    session: {
      id: r.id,
      ticketId: r.ticket_id,
      ticketNumber: r.number,
      kiosk: toKiosk({
        id: r.kiosk_id,
        name: r.kiosk_name,
        location: r.kiosk_location,
        centre_id: r.kiosk_centre,
        kind: r.kiosk_kind,
      }),
      agent: { id: r.agent_id, displayName: r.agent_name },
      startedAt: r.started_at,
      endedAt: r.ended_at,
      endedBy: r.ended_by,
    },
  };
}

/** A session by id, or null. */
export async function getSession(db: Db, sessionId: string): Promise<SessionRecord | null> {
  const r = await baseQuery(db).where('s.id', '=', sessionId).executeTakeFirst();
  return r ? toRecord(r) : null;
}

/**
 * The open session a kiosk or agent belongs to, or null. An agent who handed a session over blind
 * (its transfer waits in the queue) is no longer in it (issue 11 #6).
 */
export async function openSessionOf(
  db: Db,
  kind: 'kiosk' | 'agent',
  id: string,
): Promise<SessionRecord | null> {
  let q = baseQuery(db)
    .where(kind === 'kiosk' ? 's.kiosk_id' : 's.agent_id', '=', id)
    .where('s.ended_at', 'is', null);
  if (kind === 'agent') q = q.where(notHandedOver);
  const r = await q.executeTakeFirst();
  return r ? toRecord(r) : null;
}

/**
 * Puts a served ticket back in the queue, identity kept. Its `accepted_at` stays: a waiting ticket
 * that was accepted before is one whose call was lost, and the queue rules serve it first.
 */
async function requeueTicket(db: Db, ticketId: string): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ status: 'waiting', agent_id: null })
    .where('id', '=', ticketId)
    .where('status', '=', 'serving')
    .execute();
}

/** The open session serving a ticket, or null. */
export async function openSessionOfTicket(db: Db, ticketId: string): Promise<SessionRecord | null> {
  const r = await baseQuery(db)
    .where('s.ticket_id', '=', ticketId)
    .where('s.ended_at', 'is', null)
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** Sessions newest first, optionally only the one serving a ticket (supervisor view). */
export async function listSessions(
  db: Db,
  filter: { ticketId?: string; limit?: number; centreId?: string } = {},
): Promise<SessionRecord[]> {
  let q = baseQuery(db);
  if (filter.ticketId) q = q.where('s.ticket_id', '=', filter.ticketId);
  if (filter.centreId) q = q.where(sessionInCentre(filter.centreId));
  const rows = await q
    .orderBy('s.started_at', 'desc')
    .orderBy('s.id')
    .limit(filter.limit ?? 50)
    .execute();
  return rows.map(toRecord);
}

/** Why a session ended (the member's or the server's reason), or null. */
export async function endReasonOf(db: Db, sessionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select('end_reason')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.end_reason ?? null;
}

/** Every open session (at start-up, to give absent members their grace period). */
export async function openSessions(db: Db): Promise<SessionRecord[]> {
  const rows = await baseQuery(db).where('s.ended_at', 'is', null).execute();
  return rows.map(toRecord);
}

/**
 * Ends an open session: records when and by whom, marks the ticket done and purges its full identity
 * number (or, when the system ended it, puts the ticket back at the front of the queue), in one
 * transaction. SESSION_ENDED if it had already ended. `inside` runs in that transaction right after
 * the session row is marked (the cases area refuses or abandons its open cases there); what it
 * throws rolls the end back.
 */
export async function endSession(
  db: Db,
  sessionId: string,
  endedBy: EndedBy,
  reason: string | undefined,
  now: Date,
  inside?: (trx: Db) => Promise<void>,
): Promise<SessionEnded> {
  const ended = await db.transaction().execute(async (trx) => {
    const endedAt = now.toISOString();
    const row = await trx
      .updateTable('sessions')
      .set({ ended_at: endedAt, ended_by: endedBy, end_reason: reason ?? null })
      .where('id', '=', sessionId)
      .where('ended_at', 'is', null)
      .returning(['ticket_id'])
      .executeTakeFirst();
    if (!row) {
      const exists = await trx
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', sessionId)
        .executeTakeFirst();
      throw exists ? SessionError.ended() : RequestError.notFound('The session');
    }
    await inside?.(trx);
    // The system ended it (a member lost, the media lost): nobody chose to finish, so the resident
    // keeps their place, at the front. An ending a member chose closes the ticket.
    if (endedBy === 'system') await requeueTicket(trx, row.ticket_id);
    else await finishTicket(trx, row.ticket_id, now);
    await clearAbsences(trx, sessionId);
    return { sessionId, endedBy, endedAt, ...(reason ? { reason } : {}) };
  });
  // The purged number's old page images leave the WAL now (after the commit), not ~1000 frames later.
  if (endedBy !== 'system') await checkpointAfterPurge(db);
  return ended;
}
