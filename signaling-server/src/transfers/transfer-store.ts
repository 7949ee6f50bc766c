/**
 * Transfers in the database (issue 11 #6): the transfers table, and the one step that hands a live
 * session to another agent. The session keeps its id across transfers; its open cases follow it.
 */
import { RequestError } from '@rvw/shared';
import type { Db } from '../db/database';
import type { SessionRow } from '../db/schema';

export interface ReassignInput {
  sessionId: string;
  ticketId: string;
  toAgentId: string;
  now: Date;
}

/**
 * Hands an open session to `toAgentId`, inside the caller's transaction: sessions.agent_id and
 * agent_centre_id, the agent of the session's open cases, and the open transfer (queued, inviting or
 * consulting) gets to_agent_id and phase 'completed'. The previous agent's absence deadline (if any)
 * is dropped: the absent member is now someone else. The routing core's acceptTicket calls this for a
 * blind-transferred ticket that still has an open session, instead of inserting a session; the
 * transfer area calls it when a consulted transfer completes.
 */
export async function reassignSession(trx: Db, input: ReassignInput): Promise<SessionRow> {
  const { sessionId, ticketId, toAgentId, now } = input;
  const at = now.toISOString();
  const agent = await trx
    .selectFrom('agents')
    .select(['id', 'centre_id'])
    .where('id', '=', toAgentId)
    .executeTakeFirst();
  if (!agent) throw RequestError.notFound('The agent');
  const session = await trx
    .updateTable('sessions')
    .set({ agent_id: toAgentId, agent_centre_id: agent.centre_id })
    .where('id', '=', sessionId)
    .where('ticket_id', '=', ticketId)
    .where('ended_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!session) throw RequestError.notFound('The open session');
  await trx
    .updateTable('cases')
    .set({ agent_id: toAgentId })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .execute();
  await trx
    .updateTable('transfers')
    .set({ to_agent_id: toAgentId, phase: 'completed', updated_at: at })
    .where('session_id', '=', sessionId)
    .where('phase', 'in', ['queued', 'inviting', 'consulting'])
    .execute();
  await trx
    .deleteFrom('member_absences')
    .where('session_id', '=', sessionId)
    .where('member', '=', 'agent')
    .execute();
  return session;
}
