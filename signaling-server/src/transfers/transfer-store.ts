/**
 * Transfers in the database (issue 11 #6): the transfers table, and the one step that hands a live
 * session to another agent. The session keeps its id across transfers; its open cases follow it.
 * Every phase change is one guarded update (`WHERE phase = <expected>`), so that two answers, or a
 * completion racing a cancel, cannot both win.
 */
import { randomUUID } from 'node:crypto';
import { RequestError, type Transfer, type TransferTarget } from '@rvw/shared';
import type { Db } from '../db/database';
import type { SessionRow } from '../db/schema';
import type { TransferCancelReason, TransferRow } from '../db/schema-routing';
import { isUniqueViolation } from '../db/storage-errors';
import { notHandedOver } from '../sessions/served-sessions';
import { TransferError } from './transfer-errors';

/** Phases in which a transfer is still open (one per session at most). */
export const OPEN_PHASES = ['inviting', 'consulting', 'queued'] as const;
export type OpenPhase = (typeof OPEN_PHASES)[number];

export interface ReassignInput {
  sessionId: string;
  ticketId: string;
  toAgentId: string;
  now: Date;
}

/**
 * Hands an open session to `toAgentId`, inside the caller's transaction: sessions.agent_id and
 * agent_centre_id, the agent of the session's open cases, and the open transfer (queued, inviting or
 * consulting) gets to_agent_id and phase 'completed'; the ticket's agent is the new one (and no
 * longer a target agent: it waits for nobody in particular if it is ever requeued). The previous agent's absence deadline (if any)
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
  // The ticket is served by the new agent; it no longer waits for one agent in particular.
  await trx
    .updateTable('tickets')
    .set({ agent_id: toAgentId, target_agent_id: null })
    .where('id', '=', ticketId)
    .execute();
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
    .where('phase', 'in', OPEN_PHASES)
    .execute();
  await trx
    .deleteFrom('member_absences')
    .where('session_id', '=', sessionId)
    .where('member', '=', 'agent')
    .execute();
  return session;
}

/** What a new transfer records. */
export interface NewTransfer {
  sessionId: string;
  ticketId: string;
  mode: 'blind' | 'consulted';
  target: TransferTarget;
  fromAgentId: string;
  phase: 'inviting' | 'queued';
  note: string | null;
  now: Date;
}

/** Records a transfer; CONFLICT when the session already has an open one (the unique index decides races). */
export async function insertTransfer(db: Db, t: NewTransfer): Promise<TransferRow> {
  const at = t.now.toISOString();
  const row: TransferRow = {
    id: randomUUID(),
    session_id: t.sessionId,
    ticket_id: t.ticketId,
    mode: t.mode,
    target_kind: t.target.kind,
    target_agent_id: t.target.kind === 'agent' ? t.target.agentId : null,
    target_skill: t.target.kind === 'skill' ? t.target.skill : null,
    from_agent_id: t.fromAgentId,
    to_agent_id: null,
    phase: t.phase,
    note: t.note,
    created_at: at,
    updated_at: at,
    cancel_reason: null,
  };
  if (await openTransferOf(db, t.sessionId)) throw TransferError.alreadyOpen();
  try {
    await db.insertInto('transfers').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw TransferError.alreadyOpen();
    throw err;
  }
  return row;
}

/** A transfer by id, or null. */
export async function transferRow(db: Db, transferId: string): Promise<TransferRow | null> {
  return (
    (await db.selectFrom('transfers').selectAll().where('id', '=', transferId).executeTakeFirst()) ?? null
  );
}

/** The session's open transfer (inviting, consulting or queued), or null. */
export async function openTransferOf(db: Db, sessionId: string): Promise<TransferRow | null> {
  const row = await db
    .selectFrom('transfers')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('phase', 'in', OPEN_PHASES)
    .executeTakeFirst();
  return row ?? null;
}

/** The session's latest transfer, or null. */
export async function latestTransferOf(db: Db, sessionId: string): Promise<TransferRow | null> {
  const row = await db
    .selectFrom('transfers')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at', 'desc')
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

/**
 * True while the session's agent has handed it over blind and nobody has taken it yet: the agent on
 * record is no longer in it (no signals, no absence, free for another ticket).
 */
export async function isHandedOver(db: Db, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('transfers')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('phase', '=', 'queued')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Moves a transfer from one of `from` phases to `to` (with what else changes); null when it was no
 * longer in one of them (someone else moved it first).
 */
export async function movePhase(
  db: Db,
  transferId: string,
  from: readonly OpenPhase[],
  to: 'consulting' | 'cancelled',
  extra: { now: Date; toAgentId?: string; reason?: TransferCancelReason },
): Promise<TransferRow | null> {
  const row = await db
    .updateTable('transfers')
    .set({
      phase: to,
      updated_at: extra.now.toISOString(),
      ...(extra.toAgentId ? { to_agent_id: extra.toAgentId } : {}),
      ...(extra.reason ? { cancel_reason: extra.reason } : {}),
    })
    .where('id', '=', transferId)
    .where('phase', 'in', from)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Cancels every open transfer of a session (it ended); returns the ones cancelled. */
export async function cancelOpenOf(
  db: Db,
  sessionId: string,
  reason: TransferCancelReason,
  now: Date,
): Promise<TransferRow[]> {
  return db
    .updateTable('transfers')
    .set({ phase: 'cancelled', cancel_reason: reason, updated_at: now.toISOString() })
    .where('session_id', '=', sessionId)
    .where('phase', 'in', OPEN_PHASES)
    .returningAll()
    .execute();
}

/**
 * At start-up: a consulted transfer that was inviting or consulting lost its hand-over call with the
 * restart, so it is cancelled (reason 'restart'); a blind one waits on in the queue. Returns them.
 */
export async function cancelInterrupted(db: Db, now: Date): Promise<TransferRow[]> {
  return db
    .updateTable('transfers')
    .set({ phase: 'cancelled', cancel_reason: 'restart', updated_at: now.toISOString() })
    .where('phase', 'in', ['inviting', 'consulting'])
    .returningAll()
    .execute();
}

/** Invitations still unanswered (at start-up none survive; used by the timeout check). */
export async function invitingTransfers(db: Db): Promise<TransferRow[]> {
  return db.selectFrom('transfers').selectAll().where('phase', '=', 'inviting').execute();
}

/** The open transfers an agent started, is invited to, or hands over with (for a reconnecting console). */
export async function openTransfersOfAgent(db: Db, agentId: string): Promise<Transfer[]> {
  const rows = await db
    .selectFrom('transfers')
    .selectAll()
    .where('phase', 'in', OPEN_PHASES)
    .where((eb) =>
      eb.or([
        eb('from_agent_id', '=', agentId),
        eb('target_agent_id', '=', agentId),
        eb('to_agent_id', '=', agentId),
      ]),
    )
    .orderBy('created_at')
    .execute();
  return toTransfers(db, rows);
}

/** True when `agentId` serves an open session other than `sessionId` (one they handed over blind does not count). */
export async function servesAnother(db: Db, agentId: string, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions as s')
    .select('s.id')
    .where('s.agent_id', '=', agentId)
    .where('s.ended_at', 'is', null)
    .where('s.id', '!=', sessionId)
    .where(notHandedOver)
    .executeTakeFirst();
  return row !== undefined;
}

/** The wire form of transfers: each with its ticket number and both agents' names. */
export async function toTransfers(db: Db, rows: readonly TransferRow[]): Promise<Transfer[]> {
  if (!rows.length) return [];
  const agentIds = [...new Set(rows.flatMap((r) => [r.from_agent_id, r.to_agent_id ?? r.from_agent_id]))];
  const agents = await db
    .selectFrom('agents')
    .select(['id', 'display_name'])
    .where('id', 'in', agentIds)
    .execute();
  const names = new Map(agents.map((a) => [a.id, a.display_name]));
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'number'])
    .where('id', 'in', [...new Set(rows.map((r) => r.ticket_id))])
    .execute();
  const numbers = new Map(tickets.map((t) => [t.id, t.number]));
  return rows.map((r) => toTransfer(r, names, numbers.get(r.ticket_id) ?? ''));
}

/** One transfer on the wire. */
export async function transferOf(db: Db, row: TransferRow): Promise<Transfer> {
  const [t] = await toTransfers(db, [row]);
  return t!;
}

function toTransfer(r: TransferRow, names: Map<string, string>, ticketNumber: string): Transfer {
  const target: TransferTarget =
    r.target_kind === 'agent'
      ? { kind: 'agent', agentId: r.target_agent_id ?? '' }
      : { kind: 'skill', skill: r.target_skill as Extract<TransferTarget, { kind: 'skill' }>['skill'] };
  return {
    transferId: r.id,
    sessionId: r.session_id,
    ticketNumber,
    mode: r.mode,
    target,
    phase: r.phase,
    from: { agentId: r.from_agent_id, displayName: names.get(r.from_agent_id) ?? '' },
    ...(r.to_agent_id ? { to: { agentId: r.to_agent_id, displayName: names.get(r.to_agent_id) ?? '' } } : {}),
    ...(r.note ? { note: r.note } : {}),
    at: r.created_at,
    ...(r.cancel_reason ? { reason: r.cancel_reason } : {}),
  };
}

/** Every transfer of a session, oldest first (the case read-back's 转办 record). */
export async function transfersOfSession(db: Db, sessionId: string): Promise<Transfer[]> {
  const rows = await db
    .selectFrom('transfers')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('updated_at')
    .execute();
  return toTransfers(db, rows);
}
