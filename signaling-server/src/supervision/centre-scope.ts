/**
 * A supervisor's rights end at their centre (issue 11 #7): what belongs to a centre, as every admin
 * route reads it. An account, a kiosk, a ticket and a follow-up (through its agent) belong to one
 * centre. A session belongs to both its agent's and its kiosk's centre, so a cross-centre session (跨域,
 * 跨省通办) and its cases and rating are seen by both supervisors. A district-wide supervisor (one who
 * sees the partner centres too) is future work: today an admin sees exactly their own centre.
 */
import { AuthError } from '@rvw/shared';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database';
import { accountOf, type RouteContext } from '../http/route-registrar';

/** The centre of the signed-in supervisor (or agent) making the call. */
export function callerCentre(ctx: RouteContext): string {
  return accountOf(ctx).agent.centreId;
}

/** FORBIDDEN when a named object belongs to another centre than the caller's. */
export function requireCentre(ownerCentre: string, callerCentreId: string, what: string): void {
  if (ownerCentre !== callerCentreId)
    throw AuthError.forbidden(`${what} belongs to another centre; a supervisor sees only their own centre.`);
}

/** The centre to add an account or kiosk to: the caller's own (default); FORBIDDEN for another. */
export function ownCentre(requested: string | undefined, callerCentreId: string): string {
  if (requested !== undefined && requested !== callerCentreId)
    throw AuthError.forbidden('A supervisor adds accounts and kiosks to their own centre only.');
  return callerCentreId;
}

/**
 * SQL: the session aliased `alias` belongs to `centreId` (its agent's or its kiosk's centre). The
 * centres recorded at the accept are used; a session from before issue 11 falls back to the
 * agent's and the kiosk's current centre.
 */
export function sessionInCentre(centreId: string, alias = 's'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${agentCentreOf(alias)} = ${centreId} or ${kioskCentreOf(alias)} = ${centreId})`;
}

/** SQL: the serving agent's centre of the session aliased `alias`. */
export function agentCentreOf(alias = 's'): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref(`${alias}.agent_centre_id`)}, (select a0.centre_id from agents a0 where a0.id = ${sql.ref(`${alias}.agent_id`)}))`;
}

/** SQL: the kiosk's centre of the session aliased `alias`. */
export function kioskCentreOf(alias = 's'): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref(`${alias}.kiosk_centre_id`)}, (select k0.centre_id from kiosks k0 where k0.id = ${sql.ref(`${alias}.kiosk_id`)}))`;
}

/** The centres a session belongs to (agent's, kiosk's), or null when there is no such session. */
export async function centresOfSession(db: Db, sessionId: string): Promise<string[] | null> {
  const row = await db
    .selectFrom('sessions as s')
    .select([agentCentreOf().as('agent_centre'), kioskCentreOf().as('kiosk_centre')])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  return row ? [...new Set([row.agent_centre, row.kiosk_centre])] : null;
}

/** FORBIDDEN unless the session belongs to the caller's centre (either side); NOT_FOUND is the caller's. */
export async function requireSessionCentre(
  db: Db,
  sessionId: string,
  callerCentreId: string,
  what: string,
): Promise<void> {
  const centres = await centresOfSession(db, sessionId);
  if (centres && !centres.includes(callerCentreId)) requireCentre(centres[0]!, callerCentreId, what);
}

/**
 * FORBIDDEN unless the ticket belongs to the caller's centre: issued at one of its kiosks, or served
 * in a session of its own (a cross-centre answer). NOT_FOUND is the caller's to say.
 */
export async function requireTicketCentre(
  db: Db,
  ticketId: string,
  callerCentreId: string,
  what = 'The ticket',
): Promise<void> {
  const ticket = await db
    .selectFrom('tickets')
    .select('centre_id')
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket || ticket.centre_id === callerCentreId) return;
  const served = await db
    .selectFrom('sessions as s')
    .select('s.id')
    .where('s.ticket_id', '=', ticketId)
    .where(sessionInCentre(callerCentreId))
    .executeTakeFirst();
  if (!served) requireCentre(ticket.centre_id, callerCentreId, what);
}

/** The centre an account belongs to, or null when there is no such (enabled) account. */
export async function centreOfAgent(db: Db, agentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agents')
    .select('centre_id')
    .where('id', '=', agentId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.centre_id ?? null;
}
