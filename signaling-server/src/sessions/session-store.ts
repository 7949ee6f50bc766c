/** Sessions in the database: lookup with their members, the open session of a member, and ending. */
import type { EndedBy, Session, SessionEnded } from '@rvw/shared';
import { toKiosk } from '../auth/accounts';
import type { Db } from '../db/database';
import { ServerError } from '../errors';
import { finishTicket } from '../queue/ticket-store';

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
      kiosk: toKiosk({ id: r.kiosk_id, name: r.kiosk_name, location: r.kiosk_location }),
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

/** The open session a kiosk or agent belongs to, or null. */
export async function openSessionOf(
  db: Db,
  kind: 'kiosk' | 'agent',
  id: string,
): Promise<SessionRecord | null> {
  const r = await baseQuery(db)
    .where(kind === 'kiosk' ? 's.kiosk_id' : 's.agent_id', '=', id)
    .where('s.ended_at', 'is', null)
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** The open session serving a ticket, or null. */
export async function openSessionOfTicket(db: Db, ticketId: string): Promise<SessionRecord | null> {
  const r = await baseQuery(db)
    .where('s.ticket_id', '=', ticketId)
    .where('s.ended_at', 'is', null)
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** Every open session (at start-up, to give absent members their grace period). */
export async function openSessions(db: Db): Promise<SessionRecord[]> {
  const rows = await baseQuery(db).where('s.ended_at', 'is', null).execute();
  return rows.map(toRecord);
}

/**
 * Ends an open session: records when and by whom, marks the ticket done and purges its full identity
 * number, in one transaction. SESSION_ENDED if it had already ended.
 */
export async function endSession(
  db: Db,
  sessionId: string,
  endedBy: EndedBy,
  reason: string | undefined,
  now: Date,
): Promise<SessionEnded> {
  return db.transaction().execute(async (trx) => {
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
      throw exists ? ServerError.sessionEnded() : ServerError.notFound('The session');
    }
    await finishTicket(trx, row.ticket_id, now);
    return { sessionId, endedBy, endedAt, ...(reason ? { reason } : {}) };
  });
}
