/**
 * Which agent may serve which waiting ticket (issue 11 #2, #6, #7). Pure: the routing core gathers
 * the centres and who is online, these rules decide.
 *
 * In the ticket's own centre:
 * - need `unsure`: any agent of the centre;
 * - a skill (the ticket's need, or a blind transfer's `routeSkill`, which replaces it): agents with
 *   that skill; any agent of the centre once the ticket has waited `anySkillAfterS`, whether or not
 *   an online agent of the centre has the skill (a skill nobody online has waits the same
 *   configurable time as one whose agents are busy, so a skilled agent just signing in or a partner
 *   can take it first, and it never waits forever);
 * - a blind transfer to one agent (`targetAgentId`): only that agent until `anySkillAfterS` has
 *   passed; from then on the skill rule above, with the clock started at `anySkillAfterS` (first the
 *   centre's agents with the skill, a further `anySkillAfterS` later any agent of the centre).
 * In a partner centre (one of the ticket centre's `partners`): the ticket overflows there once it has
 * waited `overflowAfterS`, or at once when no online agent of its own centre has the skill (or, for
 * `unsure`, no agent of its own centre is online); the same skill rule then applies to the partner's
 * agents, its clock starting when the ticket overflowed (so the partner's skilled agents get it first,
 * the partner's others `anySkillAfterS` later). Every threshold is the ticket's own centre's setting: the
 * ticket's rules travel with it. For fixed centre views, who may serve a ticket only grows as it waits.
 * `waitedS` is the ticket's wait in the queue (for a transfer, since the transfer).
 */
import { DEFAULT_ROUTING, type RoutingSettings, type Skill, type TicketNeed } from '@rvw/shared';

/** What the rules need to know of an agent. */
export interface RoutingAgent {
  agentId: string;
  centreId: string;
  skills: readonly Skill[];
}

/** What the rules need to know of a waiting ticket. */
export interface RoutingTicket {
  centreId: string;
  need: TicketNeed;
  /** A blind transfer to a skill group: replaces `need`. */
  routeSkill?: Skill | null;
  /** A blind transfer to one agent. */
  targetAgentId?: string | null;
  /** Seconds the ticket has waited. */
  waitedS: number;
}

/** A centre as the rules see it: its settings, and the skills and number of its agents online. */
export interface CentreView {
  id: string;
  partners: readonly string[];
  routing: RoutingSettings;
  /** Skills of the centre's online agents (online = a connected agent who is not away). */
  onlineSkills: ReadonlySet<Skill>;
  onlineAgents: number;
}

export type ServeDecision = { ok: true; overflow: boolean } | { ok: false };

const NO: ServeDecision = { ok: false };

/** May this agent serve this ticket now, and is it as overflow from another centre? */
export function canServe(
  agent: RoutingAgent,
  ticket: RoutingTicket,
  centres: ReadonlyMap<string, CentreView>,
): ServeDecision {
  const own = centres.get(ticket.centreId) ?? unknownCentre(ticket.centreId);
  const need: TicketNeed = ticket.routeSkill ?? ticket.need;
  const anySkillAfterS = own.routing.anySkillAfterS;
  let skillClockS = ticket.waitedS;
  if (ticket.targetAgentId) {
    if (agent.agentId === ticket.targetAgentId)
      return { ok: true, overflow: agent.centreId !== ticket.centreId };
    if (ticket.waitedS < anySkillAfterS) return NO;
    skillClockS = ticket.waitedS - anySkillAfterS;
  }
  if (agent.centreId === ticket.centreId)
    return skillRule(agent, need, skillClockS, anySkillAfterS) ? { ok: true, overflow: false } : NO;
  if (!own.partners.includes(agent.centreId)) return NO;
  const partner = centres.get(agent.centreId);
  if (!partner) return NO;
  const homeCanServe = ownCentreCanServe(need, own);
  if (homeCanServe && ticket.waitedS < own.routing.overflowAfterS) return NO;
  // At the partner the skill rule's clock starts when the ticket overflowed there.
  const partnerClockS = homeCanServe ? skillClockS - own.routing.overflowAfterS : skillClockS;
  return skillRule(agent, need, partnerClockS, anySkillAfterS) ? { ok: true, overflow: true } : NO;
}

/** Whether an online agent of the ticket's own centre has what the need asks for. */
export function ownCentreCanServe(need: TicketNeed, own: CentreView): boolean {
  if (own.onlineAgents <= 0) return false;
  return need === 'unsure' || own.onlineSkills.has(need);
}

/** The skill rule within one centre: the skilled at once, anyone of the centre after `anySkillAfterS`. */
function skillRule(agent: RoutingAgent, need: TicketNeed, waitedS: number, anySkillAfterS: number): boolean {
  if (need === 'unsure' || agent.skills.includes(need)) return true;
  return waitedS >= anySkillAfterS;
}

/** A ticket of a centre the server no longer knows: its own centre's agents serve it, on the defaults. */
function unknownCentre(id: string): CentreView {
  return { id, partners: [], routing: DEFAULT_ROUTING, onlineSkills: new Set(), onlineAgents: 0 };
}

/** Of these agents, the ones who may serve the ticket now (e.g. the agents whose queue shows it). */
export function ticketVisibleTo<A extends RoutingAgent>(
  agents: readonly A[],
  ticket: RoutingTicket,
  centres: ReadonlyMap<string, CentreView>,
): Array<{ agent: A; overflow: boolean }> {
  const out: Array<{ agent: A; overflow: boolean }> = [];
  for (const agent of agents) {
    const decision = canServe(agent, ticket, centres);
    if (decision.ok) out.push({ agent, overflow: decision.overflow });
  }
  return out;
}

/** A centre's settings and partners, as stored. */
export interface CentreSettings {
  id: string;
  partners: readonly string[];
  routing: RoutingSettings;
}

/** The centres' views from their settings and the agents online (connected and not away). */
export function centreViews(
  centres: readonly CentreSettings[],
  online: readonly Pick<RoutingAgent, 'centreId' | 'skills'>[],
): Map<string, CentreView> {
  const views = new Map<string, CentreView>();
  for (const c of centres)
    views.set(c.id, {
      id: c.id,
      partners: c.partners,
      routing: c.routing,
      onlineSkills: new Set(),
      onlineAgents: 0,
    });
  for (const agent of online) {
    const view = views.get(agent.centreId);
    if (!view) continue;
    view.onlineAgents += 1;
    for (const skill of agent.skills) (view.onlineSkills as Set<Skill>).add(skill);
  }
  return views;
}
