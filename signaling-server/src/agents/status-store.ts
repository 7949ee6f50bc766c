/**
 * Agents' statuses in the database (issue 11 #2): the current status and since when on the agent's
 * row, and every change in agent_status_changes with its reason. Changes are conditional updates, so
 * two events racing for one agent (a session ending while the agent clicks) cannot both win.
 */
import type { AgentStatus, StatusChange, StatusReason } from '@rvw/shared';
import { AgentStatus as AgentStatusSchema, StatusReason as StatusReasonSchema } from '@rvw/shared';
import type { Db } from '../db/database';
import { parseSkills } from '../accounts/account-store';
import { notHandedOver } from '../sessions/served-sessions';

/** What routing reads of an agent. */
export interface AgentRouting {
  agentId: string;
  displayName: string;
  role: 'agent' | 'admin' | 'technician';
  centreId: string;
  skills: ReturnType<typeof parseSkills>;
  status: AgentStatus;
  /** ISO time the status began (the account's creation when it never changed). */
  since: string;
}

function agentQuery(db: Db) {
  return db
    .selectFrom('agents')
    .select(['id', 'display_name', 'role', 'centre_id', 'skills', 'status', 'status_since', 'created_at'])
    .where('disabled_at', 'is', null);
}

type AgentQueryRow = Awaited<ReturnType<ReturnType<typeof agentQuery>['executeTakeFirstOrThrow']>>;

function toRouting(r: AgentQueryRow): AgentRouting {
  return {
    agentId: r.id,
    displayName: r.display_name,
    role: r.role,
    centreId: r.centre_id,
    skills: parseSkills(r.skills),
    status: r.status,
    since: r.status_since ?? r.created_at,
  };
}

/** One agent's routing facts, or null when there is no such (enabled) account. */
export async function agentRouting(db: Db, agentId: string): Promise<AgentRouting | null> {
  const r = await agentQuery(db).where('id', '=', agentId).executeTakeFirst();
  return r ? toRouting(r) : null;
}

/** The routing facts of these agents (unknown or disabled ones are left out). */
export async function agentsRouting(db: Db, agentIds: Iterable<string>): Promise<AgentRouting[]> {
  const ids = [...new Set(agentIds)];
  if (ids.length === 0) return [];
  return (await agentQuery(db).where('id', 'in', ids).execute()).map(toRouting);
}

/** Every enabled account of these centres (all centres when `centreIds` is null). */
export async function agentsOfCentres(db: Db, centreIds: readonly string[] | null): Promise<AgentRouting[]> {
  if (centreIds && centreIds.length === 0) return [];
  const q = agentQuery(db).orderBy('display_name');
  return (await (centreIds ? q.where('centre_id', 'in', [...centreIds]) : q).execute()).map(toRouting);
}

/** Agents whose status is `status` (for the wrap-up limit's re-arm after a restart). */
export async function agentsInStatus(db: Db, status: AgentStatus): Promise<AgentRouting[]> {
  return (await agentQuery(db).where('status', '=', status).execute()).map(toRouting);
}

/**
 * Sets an agent's status to `to` and records it with `reason`, when its current status is one of
 * `from` (any when omitted) and differs from `to` (`force` records even an unchanged status, which
 * restarts its clock: a sign-in). Returns true when a change was recorded.
 */
export async function changeStatus(
  db: Db,
  input: {
    agentId: string;
    to: AgentStatus;
    reason: StatusReason;
    now: Date;
    from?: readonly AgentStatus[];
    force?: boolean;
  },
): Promise<boolean> {
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('agents')
      .set({ status: input.to, status_since: at })
      .where('id', '=', input.agentId);
    if (input.from) q = q.where('status', 'in', [...input.from]);
    if (!input.force) q = q.where('status', '!=', input.to);
    const res = await q.executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('agent_status_changes')
      .values({ agent_id: input.agentId, status: input.to, reason: input.reason, at })
      .execute();
    return true;
  });
}

/** The open session an agent serves, if any: one it handed over (blind transfer, queued) does not count. */
export async function busySessionOf(
  db: Db,
  agentId: string,
): Promise<{ id: string; startedAt: string; ticketId: string; ticketNumber: string } | null> {
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .select(['s.id', 's.started_at', 's.ticket_id', 't.number'])
    .where('s.agent_id', '=', agentId)
    .where('s.ended_at', 'is', null)
    .where(notHandedOver)
    .orderBy('s.started_at', 'desc')
    .executeTakeFirst();
  return r ? { id: r.id, startedAt: r.started_at, ticketId: r.ticket_id, ticketNumber: r.number } : null;
}

/**
 * The agents taken by a consulted hand-over as its second agent: invited (`inviting`) or in the
 * hand-over call (`consulting`), until it completes or is cancelled. Routing treats them as busy —
 * no offer, no accept, not free in a wait estimate, not a transfer target — while their status stays
 * what it was (they serve no session yet). Only `agentIds` are looked at when given;
 * `exceptTransferId` leaves that transfer out (the invited agent answering their own invitation).
 */
export async function agentsInConsult(
  db: Db,
  opts: { agentIds?: readonly string[]; exceptTransferId?: string } = {},
): Promise<Set<string>> {
  if (opts.agentIds && opts.agentIds.length === 0) return new Set();
  let q = db
    .selectFrom('transfers')
    .select(['target_agent_id', 'to_agent_id'])
    .where('mode', '=', 'consulted')
    .where('phase', 'in', ['inviting', 'consulting']);
  if (opts.exceptTransferId) q = q.where('id', '!=', opts.exceptTransferId);
  const ids = opts.agentIds ? [...opts.agentIds] : null;
  if (ids) q = q.where((eb) => eb.or([eb('target_agent_id', 'in', ids), eb('to_agent_id', 'in', ids)]));
  const out = new Set<string>();
  for (const r of await q.execute())
    for (const id of [r.target_agent_id, r.to_agent_id])
      if (id !== null && (!ids || ids.includes(id))) out.add(id);
  return out;
}

/** The Asia/Shanghai day `day` (YYYY-MM-DD) as an ISO range [from, to). */
export function shanghaiDayRange(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00+08:00`);
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
}

/** The recorded changes of one Asia/Shanghai day, of agents of `centreId` (optionally one agent), in time order. */
export async function listStatusChanges(
  db: Db,
  input: { day: string; centreId: string; agentId?: string },
): Promise<StatusChange[]> {
  const { from, to } = shanghaiDayRange(input.day);
  let q = db
    .selectFrom('agent_status_changes as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .select(['c.agent_id', 'c.status', 'c.reason', 'c.at'])
    .where('a.centre_id', '=', input.centreId)
    .where('c.at', '>=', from)
    .where('c.at', '<', to);
  if (input.agentId) q = q.where('c.agent_id', '=', input.agentId);
  const rows = await q.orderBy('c.at').orderBy('c.id').execute();
  return rows.map((r) => ({
    agentId: r.agent_id,
    status: AgentStatusSchema.parse(r.status),
    reason: StatusReasonSchema.catch('chosen').parse(r.reason),
    at: r.at,
  }));
}

/** Sets an agent's skills; false when there is no such agent. */
export async function setSkills(db: Db, agentId: string, skills: readonly string[]): Promise<boolean> {
  const res = await db
    .updateTable('agents')
    .set({ skills: JSON.stringify([...new Set(skills)]) })
    .where('id', '=', agentId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
