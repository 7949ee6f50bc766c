/**
 * The routing picture (issue 11): everything routing decides from, read at one instant — the
 * centres, who is online and in which status, and the waiting tickets with what the priority and
 * routing rules need. The per-agent queues, the offers, the accept checks and the kiosks' positions
 * are all computed from one picture, so they agree with each other.
 */
import {
  DEFAULT_ROUTING,
  FleetProblem,
  TicketNeed,
  type Centre,
  type IdentityIntent,
  type IdentitySummary,
  type Kiosk,
  type PriorityTag,
  type ResidentPlace,
  type ReturnedNote,
  type Skill,
} from '@rvw/shared';
import { Skill as SkillSchema } from '@rvw/shared';
import { z } from 'zod';
import { agentsInConsult, agentsRouting, type AgentRouting } from '../agents/status-store';
import { listCentres } from '../centres/centre-store';
import type { Db } from '../db/database';
import { identitySummary } from '../identity/identity-store';
import { residentProblems } from '../kiosks/fleet/health-rules';
import { toKiosk } from '../kiosks/kiosk-store';
import type { Presence } from '../socket/presence';
import { DEFAULT_HEAD_START_S, orderByPriority, waitedSeconds, type PriorityInput } from './priority-rules';
import { withReturns } from './returning';
import { returnedNotes } from './returned-notes';
import type { BusyAgent, WidenedPool } from './estimate-rules';
import { canServe, centreViews, type CentreView, type ServeDecision } from './routing-rules';

/** A waiting ticket with what the rules and the agents' queue lines need. */
export interface WaitingTicket extends PriorityInput {
  ticketId: string;
  number: string;
  kioskId: string;
  kiosk: Kiosk;
  centreId: string;
  need: TicketNeed;
  routeSkill: Skill | null;
  targetAgentId: string | null;
  appointmentId: string | null;
  identityIntent: IdentityIntent;
  identity?: IdentitySummary;
  place: ResidentPlace;
  kioskOfflineSince: string | null;
  /** What is wrong with the kiosk that the resident is affected by, from its latest heartbeat (issue 12). */
  kioskProblems?: FleetProblem[];
  /** Back at the front after the system ended its call: why, whose call, when (issue 13 #1). */
  returned?: ReturnedNote;
}

/** A waiting ticket in a centre's service order, with the tags saying why it is where it is. */
export type OrderedTicket = WaitingTicket & { tags: PriorityTag[] };

const StoredProblems = z.array(FleetProblem).catch([]);

/** The stored problems of a kiosk (JSON) that a resident is affected by; empty when none or unreadable. */
function kioskProblemsOf(json: string | null): FleetProblem[] {
  return json ? residentProblems(StoredProblems.parse(JSON.parse(json))) : [];
}

/** The waiting tickets, unordered, with their priority facts (age from the consented card). */
export async function waitingTickets(db: Db, now: Date): Promise<WaitingTicket[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .innerJoin('kiosks as k', 'k.id', 't.kiosk_id')
    .innerJoin('centres as c', 'c.id', 'k.centre_id')
    .leftJoin('ticket_identities as i', 'i.ticket_id', 't.id')
    .leftJoin('kiosk_health as kh', 'kh.kiosk_id', 'k.id')
    .select([
      'kh.problems as kioskProblems',
      't.id as ticketId',
      't.number',
      't.created_at as createdAt',
      't.day',
      't.seq',
      't.accepted_at',
      't.transferred_at as transferredAt',
      't.need',
      't.centre_id as centreId',
      't.disability',
      't.route_skill',
      't.target_agent_id as targetAgentId',
      't.appointment_id as appointmentId',
      't.identity_intent as identityIntent',
      'k.id as kioskId',
      'k.name as kioskName',
      'k.location as kioskLocation',
      'k.offline_since as kioskOfflineSince',
      'k.centre_id as kioskCentreId',
      'k.kind as kioskKind',
      'c.name as centreName',
      'c.region as centreRegion',
      'i.card_type',
      'i.name',
      'i.gender',
      'i.birth_date',
      'i.id_number_masked',
    ])
    .where('t.status', '=', 'waiting')
    .execute();
  // A lost call's ticket (accepted before, not put back by a blind transfer) carries its note.
  const notes = await returnedNotes(
    db,
    rows.filter((r) => r.accepted_at && !r.transferredAt).map((r) => r.ticketId),
  );
  return (await withReturns(db, rows)).map((r) => {
    const returned = r.accepted_at && !r.transferredAt ? notes.get(r.ticketId) : undefined;
    const identity =
      r.card_type !== null
        ? identitySummary(
            {
              card_type: r.card_type,
              name: r.name!,
              gender: r.gender!,
              birth_date: r.birth_date!,
              id_number_masked: r.id_number_masked!,
            },
            now,
          )
        : undefined;
    const routeSkill = SkillSchema.safeParse(r.route_skill);
    return {
      ticketId: r.ticketId,
      number: r.number,
      createdAt: r.createdAt,
      day: r.day,
      seq: r.seq,
      // Set on a waiting ticket that was accepted before: back after a lost call, unless a blind
      // transfer put it back (which has its own tag and clock).
      requeuedAt: r.transferredAt ? null : r.accepted_at,
      returnedAt: r.returnedAt,
      transferredAt: r.transferredAt,
      age: identity?.age ?? null,
      disability: r.disability === 1,
      appointmentDue: r.appointmentId !== null,
      kioskId: r.kioskId,
      kiosk: toKiosk({
        id: r.kioskId,
        name: r.kioskName,
        location: r.kioskLocation,
        centre_id: r.kioskCentreId,
        kind: r.kioskKind,
      }),
      centreId: r.centreId,
      need: TicketNeed.catch('unsure').parse(r.need),
      routeSkill: routeSkill.success ? routeSkill.data : null,
      targetAgentId: r.targetAgentId,
      appointmentId: r.appointmentId,
      identityIntent: r.identityIntent,
      ...(identity ? { identity } : {}),
      place: {
        centreId: r.kioskCentreId,
        centreName: r.centreName,
        region: r.centreRegion,
        committee: r.kioskLocation,
        kioskName: r.kioskName,
        kioskKind: r.kioskKind,
      },
      kioskOfflineSince: r.kioskOfflineSince,
      kioskProblems: kioskProblemsOf(r.kioskProblems),
      ...(returned ? { returned } : {}),
    };
  });
}

/** Everything routing decides from, at `now`. */
export class RoutingPicture {
  /** Centres by id. */
  readonly centres: Map<string, Centre>;
  /** The centres as the routing rules see them (online skills and agents). */
  readonly views: Map<string, CentreView>;
  private readonly orders = new Map<string, OrderedTicket[]>();
  private readonly decisions = new Map<string, ServeDecision>();

  constructor(
    readonly now: Date,
    centres: readonly Centre[],
    /** Agents with a console connected, whatever their status. */
    readonly online: readonly AgentRouting[],
    /** Every waiting ticket, unordered. */
    readonly tickets: readonly WaitingTicket[],
    /** The kiosks (of waiting tickets) with a socket connected: only their tickets can be accepted. */
    readonly kiosksOnline: ReadonlySet<string>,
    /** Agents invited to or in a consulted hand-over as its second agent (agentsInConsult): busy. */
    readonly inConsult: ReadonlySet<string> = new Set(),
  ) {
    this.centres = new Map(centres.map((c) => [c.id, c]));
    this.views = centreViews(
      centres,
      online.filter((a) => a.status !== 'away'),
    );
  }

  /** Agents online and not away: the ones who count for overflow, estimates and offers. */
  get working(): AgentRouting[] {
    return this.online.filter((a) => a.status !== 'away');
  }

  /**
   * Whether `a` is free for a new resident: available, and not taken by a consulted hand-over. The
   * one test offers, estimates and accepts use (their status stays available meanwhile).
   */
  free(a: Pick<AgentRouting, 'agentId' | 'status'>): boolean {
    return a.status === 'available' && !this.inConsult.has(a.agentId);
  }

  /**
   * For the estimate: what each of `agents` who is not free is doing — how long its session has
   * lasted, or how long its wrap-up may still last by its centre's limit — from the status and its
   * start that the picture already holds (no query). One taken by a consulted hand-over counts as
   * starting a session.
   */
  busyOf(agents: readonly AgentRouting[]): BusyAgent[] {
    const out: BusyAgent[] = [];
    for (const a of agents) {
      if (this.free(a)) continue;
      const elapsedS = Math.max(0, (this.now.getTime() - Date.parse(a.since)) / 1000) || 0;
      if (a.status === 'in-session') out.push({ inSessionS: elapsedS });
      else if (a.status === 'wrap-up') {
        const limitS = this.routingOf(a.centreId)?.wrapUpLimitS ?? DEFAULT_ROUTING.wrapUpLimitS;
        out.push({ wrapUpLeftS: Math.max(0, limitS - elapsedS) });
      } else out.push({ inSessionS: 0 });
    }
    return out;
  }

  /** An online agent by id. */
  agent(agentId: string): AgentRouting | undefined {
    return this.online.find((a) => a.agentId === agentId);
  }

  /** A waiting ticket by id. */
  ticket(ticketId: string): WaitingTicket | undefined {
    return this.tickets.find((t) => t.ticketId === ticketId);
  }

  /** The routing settings of a centre (the defaults for an unknown one). */
  routingOf(centreId: string): Centre['routing'] | undefined {
    return this.centres.get(centreId)?.routing;
  }

  /** Every waiting ticket in `centreId`'s service order (its maxWaitS), with tags. */
  orderFor(centreId: string): OrderedTicket[] {
    let order = this.orders.get(centreId);
    if (!order) {
      const routing = this.routingOf(centreId);
      order = orderByPriority(this.tickets, this.now, {
        maxWaitS: routing?.maxWaitS ?? 600,
        headStartS: DEFAULT_HEAD_START_S,
      });
      this.orders.set(centreId, order);
    }
    return order;
  }

  /** Seconds the ticket has waited (since a transfer or a lost call put it back, else its creation). */
  waitedS(t: WaitingTicket): number {
    return waitedSeconds(t, this.now);
  }

  /** May `agent` serve `t` now (and is it overflow)? */
  serve(agent: Pick<AgentRouting, 'agentId' | 'centreId' | 'skills'>, t: WaitingTicket): ServeDecision {
    const key = `${agent.agentId}\u0000${t.ticketId}`;
    let d = this.decisions.get(key);
    if (!d) {
      d = canServe(
        agent,
        {
          centreId: t.centreId,
          need: t.need,
          routeSkill: t.routeSkill,
          targetAgentId: t.targetAgentId,
          waitedS: this.waitedS(t),
        },
        this.views,
      );
      this.decisions.set(key, d);
    }
    return d;
  }

  /** The tickets `agent` may serve, in the agent's centre's service order, each with its tags (+ overflow). */
  queueOf(agent: Pick<AgentRouting, 'agentId' | 'centreId' | 'skills'>): OrderedTicket[] {
    const out: OrderedTicket[] = [];
    for (const t of this.orderFor(agent.centreId)) {
      const d = this.serve(agent, t);
      if (d.ok) out.push(d.overflow ? { ...t, tags: [...t.tags, 'overflow'] } : t);
    }
    return out;
  }

  /** The working agents (online, not away) who may serve `t`. */
  servers(t: WaitingTicket): AgentRouting[] {
    return this.working.filter((a) => this.serve(a, t).ok);
  }

  /**
   * The ticket's pool and its place in it: the tickets the same agents would serve, in its own
   * centre's order. With nobody online to serve it, the pool is its centre's tickets of the same need.
   */
  placeOf(t: WaitingTicket): { position: number; pool: number; servers: AgentRouting[] } {
    const servers = this.servers(t);
    const need = t.routeSkill ?? t.need;
    const inPool = (u: WaitingTicket) =>
      u.ticketId === t.ticketId ||
      (servers.length > 0
        ? servers.some((a) => this.serve(a, u).ok)
        : u.centreId === t.centreId && (u.routeSkill ?? u.need) === need);
    const pool = this.orderFor(t.centreId).filter(inPool);
    return { position: pool.findIndex((u) => u.ticketId === t.ticketId) + 1, pool: pool.length, servers };
  }

  /**
   * For the estimate: the pool the ticket reaches once it has waited its centre's anySkillAfterS
   * (any agent of the centre may take it then), and its place there. Null when that adds nobody.
   */
  widenedPlaceOf(t: WaitingTicket): WidenedPool | null {
    const routing = this.routingOf(t.centreId);
    if (!routing) return null;
    const waited = this.waitedS(t);
    const atS = Math.max(waited, routing.anySkillAfterS);
    const later = { centreId: t.centreId, need: t.need, routeSkill: t.routeSkill, waitedS: atS };
    const servers = this.working.filter((a) => canServe(a, later, this.views).ok);
    if (t.targetAgentId || servers.length <= this.servers(t).length) return null;
    const pool = this.orderFor(t.centreId).filter(
      (u) => u.ticketId === t.ticketId || servers.some((a) => this.serve(a, u).ok),
    );
    const position = pool.findIndex((u) => u.ticketId === t.ticketId) + 1;
    return {
      inS: atS - waited,
      ahead: Math.max(0, position - 1),
      agentsOnline: servers.length,
      freeAgents: servers.filter((a) => this.free(a)).length,
      busy: this.busyOf(servers),
    };
  }

  /**
   * The next instant after `now` at which the picture changes by waiting alone (a routing or
   * priority threshold crossed), or null when none is ahead.
   */
  nextChange(): Date | null {
    let next = Infinity;
    const nowMs = this.now.getTime();
    for (const t of this.tickets) {
      const routing = this.routingOf(t.centreId);
      if (!routing) continue;
      const waited = this.waitedS(t);
      const steps = [
        routing.anySkillAfterS,
        routing.overflowAfterS,
        routing.maxWaitS,
        // A targeted transfer: the skill rule's clock starts after anySkillAfterS, at home and at a partner.
        2 * routing.anySkillAfterS,
        routing.overflowAfterS + routing.anySkillAfterS,
        routing.overflowAfterS + 2 * routing.anySkillAfterS,
      ];
      for (const s of steps) if (s > waited) next = Math.min(next, nowMs + (s - waited) * 1000);
    }
    return Number.isFinite(next) ? new Date(Math.ceil(next)) : null;
  }
}

/**
 * Reads the picture at `now`: centres, the agents online and the kiosks online (through the
 * adapter, so every node counts), and the waiting tickets.
 */
export async function loadPicture(db: Db, presence: Presence, now: Date): Promise<RoutingPicture> {
  const [centres, onlineIds, tickets, inConsult] = await Promise.all([
    listCentres(db),
    presence.onlineAgents(),
    waitingTickets(db, now),
    agentsInConsult(db),
  ]);
  const kiosksOnline = new Set<string>();
  for (const kioskId of new Set(tickets.map((t) => t.kioskId)))
    if (await presence.isPresent('kiosk', kioskId)) kiosksOnline.add(kioskId);
  return new RoutingPicture(
    now,
    centres,
    await agentsRouting(db, onlineIds),
    tickets,
    kiosksOnline,
    inConsult,
  );
}
