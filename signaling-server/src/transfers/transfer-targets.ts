/**
 * Whom an agent can transfer to: the agents of their centre and its partner centres, each with the
 * status that decides whether they may be chosen, and the skill groups with how many agents of those
 * centres are online with the skill. The same reading decides whether a chosen agent is available.
 */
import { Skill, type TransferOption } from '@rvw/shared';
import { agentsInConsult } from '../agents/status-store';
import type { Db } from '../db/database';
import { notHandedOver } from '../sessions/served-sessions';
import type { Presence } from '../socket/presence';

/** An agent as a transfer target. */
type AgentOption = Extract<TransferOption, { kind: 'agent' }>;

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The centre of `agentId` and its partners (the centres a transfer may reach). */
export async function reachableCentres(db: Db, agentId: string): Promise<string[]> {
  const me = await db
    .selectFrom('agents as a')
    .innerJoin('centres as c', 'c.id', 'a.centre_id')
    .select(['a.centre_id', 'c.partners'])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
  if (!me) return [];
  return [...new Set([me.centre_id, ...parseList(me.partners)])];
}

/**
 * Agents with an open session they still serve (a blind hand-over in the queue does not count), or
 * invited to / in a consulted hand-over (other than `exceptTransferId`) as its second agent.
 */
async function busyAgents(
  db: Db,
  agentIds: readonly string[],
  exceptTransferId?: string,
): Promise<Set<string>> {
  if (!agentIds.length) return new Set();
  const rows = await db
    .selectFrom('sessions as s')
    .select('s.agent_id')
    .where('s.ended_at', 'is', null)
    .where('s.agent_id', 'in', agentIds)
    .where(notHandedOver)
    .execute();
  const consulting = await agentsInConsult(db, {
    agentIds,
    ...(exceptTransferId ? { exceptTransferId } : {}),
  });
  return new Set([...rows.map((r) => r.agent_id), ...consulting]);
}

/**
 * The agents of `centres` (serving accounts, not disabled), except `exceptId`, with their status as
 * a transfer sees it: offline shows as away, and an open session or a consulted hand-over they are
 * invited to or in (other than `exceptTransferId`) as in-session whatever was recorded.
 */
export async function agentOptions(
  db: Db,
  presence: Presence,
  centres: readonly string[],
  exceptId: string | null,
  onlyId?: string,
  exceptTransferId?: string,
): Promise<AgentOption[]> {
  if (!centres.length) return [];
  let q = db
    .selectFrom('agents')
    .select(['id', 'display_name', 'centre_id', 'skills', 'status'])
    .where('centre_id', 'in', centres)
    .where('role', '=', 'agent')
    .where('disabled_at', 'is', null);
  if (onlyId) q = q.where('id', '=', onlyId);
  const rows = await q.orderBy('display_name').execute();
  const others = rows.filter((r) => r.id !== exceptId);
  const busy = await busyAgents(
    db,
    others.map((r) => r.id),
    exceptTransferId,
  );
  const out: AgentOption[] = [];
  for (const r of others) {
    const online = await presence.isPresent('agent', r.id);
    const status: AgentOption['status'] = !online ? 'away' : busy.has(r.id) ? 'in-session' : r.status;
    out.push({
      kind: 'agent',
      agentId: r.id,
      displayName: r.display_name,
      centreId: r.centre_id,
      skills: parseList(r.skills).filter((s): s is Skill => Skill.safeParse(s).success),
      status,
      online,
    });
  }
  return out;
}

/** Skill groups with the number of agents online and not away who have the skill. */
export function skillOptions(agents: readonly AgentOption[]): TransferOption[] {
  return Skill.options.map((skill) => ({
    kind: 'skill' as const,
    skill,
    agentsOnline: agents.filter((a) => a.online && a.status !== 'away' && a.skills.includes(skill)).length,
  }));
}

/** Everything `agentId` can transfer to: agents first (by name), then the skill groups. */
export async function transferOptions(
  db: Db,
  presence: Presence,
  agentId: string,
): Promise<TransferOption[]> {
  const agents = await agentOptions(db, presence, await reachableCentres(db, agentId), agentId);
  return [...agents, ...skillOptions(agents)];
}

/**
 * Whether `targetId` can take a transfer from `fromId` now: an agent of a reachable centre, online,
 * available, not serving a session and not taken by another consulted hand-over (`exceptTransferId`:
 * the one being answered). Returns false for anyone else (the caller says why).
 */
export async function isAvailableTarget(
  db: Db,
  presence: Presence,
  fromId: string,
  targetId: string,
  exceptTransferId?: string,
): Promise<boolean> {
  const centres = await reachableCentres(db, fromId);
  const [target] = await agentOptions(db, presence, centres, fromId, targetId, exceptTransferId);
  return target?.status === 'available';
}
