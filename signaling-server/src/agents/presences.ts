/**
 * Agents' presences (issue 11 #2, #9): each agent's status and since when, whether a console is
 * connected, the live session and when wrap-up ends. The agent sees their own (`agent:status`);
 * the supervisor's live view lists their centre's.
 */
import type { AgentPresence } from '@rvw/shared';
import { listCentres } from '../centres/centre-store';
import type { Db } from '../db/database';
import type { Presence } from '../socket/presence';
import { agentsOfCentres, busySessionOf, type AgentRouting } from './status-store';

/**
 * The presences of the agents of `centreIds` (every centre when null): role `agent` accounts always,
 * supervisors only while their console is connected. An offline agent shows as away — except while
 * their session is still open (its grace period): then in-session, with the session.
 */
export async function agentPresences(
  db: Db,
  presence: Presence,
  centreIds: readonly string[] | null,
  now: Date,
): Promise<AgentPresence[]> {
  const [agents, online, centres] = await Promise.all([
    agentsOfCentres(db, centreIds),
    presence.onlineAgents(),
    listCentres(db),
  ]);
  const wrapUpLimit = new Map(centres.map((c) => [c.id, c.routing.wrapUpLimitS]));
  const out: AgentPresence[] = [];
  for (const a of agents) {
    const isOnline = online.has(a.agentId);
    if (a.role !== 'agent' && !isOnline) continue;
    out.push(await toPresence(db, a, isOnline, wrapUpLimit.get(a.centreId) ?? null, now));
  }
  return out;
}

/** One agent's presence (for their own `agent:status`). */
export async function presenceOf(
  db: Db,
  presence: Presence,
  agent: AgentRouting,
  now: Date,
): Promise<AgentPresence> {
  const [isOnline, centres] = await Promise.all([
    presence.isPresent('agent', agent.agentId),
    listCentres(db),
  ]);
  const limit = centres.find((c) => c.id === agent.centreId)?.routing.wrapUpLimitS ?? null;
  return toPresence(db, agent, isOnline, limit, now);
}

async function toPresence(
  db: Db,
  a: AgentRouting,
  isOnline: boolean,
  wrapUpLimitS: number | null,
  now: Date,
): Promise<AgentPresence> {
  const session = a.status === 'in-session' || !isOnline ? await busySessionOf(db, a.agentId) : null;
  const status = isOnline ? a.status : session ? 'in-session' : 'away';
  const base: AgentPresence = {
    agentId: a.agentId,
    displayName: a.displayName,
    centreId: a.centreId,
    skills: a.skills,
    status,
    since: a.since,
    online: isOnline,
  };
  if (session)
    base.session = { id: session.id, startedAt: session.startedAt, ticketNumber: session.ticketNumber };
  if (status === 'wrap-up' && wrapUpLimitS !== null) {
    // Never in the past: a limit that passed is being applied now.
    const ends = Math.max(Date.parse(a.since) + wrapUpLimitS * 1000, now.getTime());
    base.wrapUpEndsAt = new Date(ends).toISOString();
  }
  return base;
}
