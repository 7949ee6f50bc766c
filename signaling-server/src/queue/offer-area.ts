/**
 * Offer mode (issue 11 #4): for a centre whose routing mode is `offer`, each waiting ticket (in
 * priority order) is offered to the longest-idle free agent (available, not in a consulted hand-over:
 * RoutingPicture.free) who may serve it and holds no open offer. An offer not taken by its deadline is
 * recorded missed, its agent set away (so that offers stop going to an empty chair) and the ticket
 * offered to the next agent; a declined one goes to the next at once. Offers are withdrawn when their
 * ticket is taken or cancelled, or their agent is no longer available or is invited to a hand-over. Deadlines are in the database: after a restart they are expired or re-armed.
 */
import { ErrorCode, QueueError, AuthError, type HttpRoutes, type OfferGone } from '@rvw/shared';
import type { AgentStatusArea } from '../agents/status-area';
import type { OfferRow } from '../db/schema-routing';
import type { RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';
import { memberRoom, type RvwSocket } from '../socket/types';
import { createOffer, decideOffer, dueOffers, getOffer, openOffers, recentRefusals } from './offer-store';
import type { RoutingPicture } from './routing-picture';
import type { TicketDesk } from './ticket-desk';

/** Refusals of an offer's accept that mean the ticket went elsewhere: CONFLICT to the agent. */
const MOVED_ON: readonly string[] = [ErrorCode.TicketTaken, ErrorCode.TicketNotWaiting, ErrorCode.NotFound];

/** What the offer area needs besides the routing deps. */
export interface OfferAreaParts {
  statuses: AgentStatusArea;
  desk: TicketDesk;
}

export class OfferArea {
  private readonly deadlines = new Map<string, unknown>();
  private cooldownTimer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly deps: RoutingDeps,
    private readonly parts: OfferAreaParts,
  ) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, 'offer:accept' | 'offer:decline'> = {
    'offer:accept': async (socket, { offerId, offer: callOffer }) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      const offer = await getOffer(this.deps.db, offerId);
      if (!offer || offer.agent_id !== socket.data.agentId || offer.outcome !== null)
        throw QueueError.offerGone();
      try {
        const opened = await this.parts.desk.accept(socket.data.agentId, offer.ticket_id, socket.id, {
          offerId,
          ...(callOffer ? { offer: callOffer } : {}),
        });
        this.decided(offer.id);
        return opened;
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string' && MOVED_ON.includes(code)) throw QueueError.offerGone();
        throw err;
      }
    },
    'offer:decline': async (socket, { offerId }) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      const row = await decideOffer(
        this.deps.db,
        offerId,
        'declined',
        this.deps.clock(),
        socket.data.agentId,
      );
      if (!row) throw QueueError.offerGone();
      this.deps.log.info({ offerId, agentId: row.agent_id, ticketId: row.ticket_id }, 'offer declined');
      this.disarm(row.id);
      this.decided(row.id);
      this.schedule();
      return {};
    },
  };

  /** HTTP route handlers of this area (none). */
  routes(): Pick<RouteHandlers<HttpRoutes>, never> {
    return {};
  }

  /** A console connected: it gets its agent's open offer again (after a reload or a restart). */
  async connected(socket: RvwSocket): Promise<void> {
    if (socket.data.kind !== 'agent') return;
    const agentId = socket.data.agentId;
    const offer = (await openOffers(this.deps.db)).find((o) => o.agent_id === agentId);
    if (!offer) return;
    const p = await this.deps.notifier.picture();
    const entry = (await this.deps.notifier.snapshotFor(agentId, p)).entries.find(
      (e) => e.ticketId === offer.ticket_id,
    );
    if (entry)
      socket.emit('offer:new', {
        offerId: offer.id,
        entry,
        offeredAt: offer.offered_at,
        expiresAt: offer.expires_at,
      });
  }

  /** Expires the offers whose deadline passed, then offers what waits. */
  async recheck(): Promise<void> {
    await this.expireDue();
    this.schedule();
    await this.running;
  }

  /** Runs the offering now, or once more after the run in progress (runs never overlap). */
  schedule(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.offerAll();
        } catch (err) {
          this.deps.log.error({ err }, 'offering failed');
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  private decided(offerId: string): void {
    this.deps.bus.emit('offer-decided', { offerId });
  }

  private gone(offer: OfferRow, outcome: OfferGone['outcome']): void {
    this.disarm(offer.id);
    this.deps.io.to(memberRoom('agent', offer.agent_id)).emit('offer:gone', { offerId: offer.id, outcome });
    this.decided(offer.id);
  }

  /** Records the missed offers, sets their agents away, and hands the tickets on. */
  private async expireDue(): Promise<void> {
    const now = this.deps.clock();
    for (const o of await dueOffers(this.deps.db, now)) {
      const row = await decideOffer(this.deps.db, o.id, 'missed', now);
      if (!row) continue;
      this.deps.log.info({ offerId: o.id, agentId: o.agent_id, ticketId: o.ticket_id }, 'offer missed');
      this.gone(row, 'missed');
      await this.parts.statuses.change(o.agent_id, 'away', 'missed-offer', { from: ['available'] });
    }
  }

  /** One pass: withdraw what no longer holds, then offer each waiting ticket of an offer centre. */
  private async offerAll(): Promise<void> {
    await this.expireDue();
    const p = await this.deps.notifier.picture();
    const open = await this.withdrawStale(p);
    const busyAgents = new Set(open.map((o) => o.agent_id));
    const offeredTickets = new Set(open.map((o) => o.ticket_id));
    // Longest idle first: the earliest `since` of the status available.
    const idle = p.working
      .filter((a) => p.free(a) && !busyAgents.has(a.agentId))
      .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
    const offerCentres = [...p.centres.values()].filter((c) => c.routing.mode === 'offer');
    const waiting = offerCentres.flatMap((c) =>
      p.orderFor(c.id).filter((t) => t.centreId === c.id && !offeredTickets.has(t.ticketId)),
    );
    let nextCooldown = Infinity;
    const refusals = await recentRefusals(
      this.deps.db,
      waiting.map((t) => t.ticketId),
      new Date(p.now.getTime() - 3600_000),
    );
    for (const t of waiting) {
      if (idle.length === 0) break;
      if (!p.kiosksOnline.has(t.kioskId)) continue;
      const routing = p.centres.get(t.centreId)!.routing;
      const refused = refusals.get(t.ticketId);
      const cooled = (agentId: string) => {
        const at = refused?.get(agentId);
        if (!at) return true;
        const until = Date.parse(at) + routing.offerTimeoutS * 1000;
        if (until <= p.now.getTime()) return true;
        nextCooldown = Math.min(nextCooldown, until);
        return false;
      };
      const i = idle.findIndex((a) => p.serve(a, t).ok && cooled(a.agentId));
      if (i < 0) continue;
      const agent = idle[i]!;
      const entry = (await this.deps.notifier.snapshotFor(agent.agentId, p)).entries.find(
        (e) => e.ticketId === t.ticketId,
      );
      if (!entry) continue;
      const offer = await createOffer(this.deps.db, {
        ticketId: t.ticketId,
        agentId: agent.agentId,
        centreId: t.centreId,
        need: t.routeSkill ?? t.need,
        now: this.deps.clock(),
        timeoutS: routing.offerTimeoutS,
      });
      if (!offer) continue;
      idle.splice(i, 1);
      this.deps.log.info(
        { offerId: offer.id, agentId: agent.agentId, ticketId: t.ticketId },
        'ticket offered',
      );
      this.deps.io.to(memberRoom('agent', agent.agentId)).emit('offer:new', {
        offerId: offer.id,
        entry,
        offeredAt: offer.offered_at,
        expiresAt: offer.expires_at,
      });
      this.arm(offer);
    }
    this.armCooldown(nextCooldown);
  }

  /** Withdraws open offers whose ticket or agent no longer fits; returns the ones still open. */
  private async withdrawStale(p: RoutingPicture): Promise<OfferRow[]> {
    const kept: OfferRow[] = [];
    for (const o of await openOffers(this.deps.db)) {
      const t = p.ticket(o.ticket_id);
      const agent = p.agent(o.agent_id);
      // The agent's status, not their connection, decides, and the kiosk's connection does not: after
      // a restart an offer waits for both to come back (or for its deadline).
      const status =
        agent?.status ??
        (
          await this.deps.db
            .selectFrom('agents')
            .select('status')
            .where('id', '=', o.agent_id)
            .executeTakeFirst()
        )?.status;
      const stale =
        !t ||
        status !== 'available' ||
        p.inConsult.has(o.agent_id) ||
        p.routingOf(t.centreId)?.mode !== 'offer' ||
        (agent !== undefined && !p.serve(agent, t).ok);
      if (!stale) {
        kept.push(o);
        continue;
      }
      const row = await decideOffer(this.deps.db, o.id, 'withdrawn', this.deps.clock());
      if (!row) continue;
      this.deps.log.info({ offerId: o.id, agentId: o.agent_id, ticketId: o.ticket_id }, 'offer withdrawn');
      this.gone(row, 'withdrawn');
    }
    return kept;
  }

  /** A real timer at the offer's deadline; it only wakes `recheck`, which reads the database. */
  private arm(offer: OfferRow): void {
    if (this.stopped) return;
    this.disarm(offer.id);
    const ms = Math.max(0, Date.parse(offer.expires_at) - this.deps.clock().getTime()) + 20;
    const handle = this.deps.scheduler.schedule(() => {
      this.deadlines.delete(offer.id);
      void this.recheck().catch((err: unknown) =>
        this.deps.log.error({ err }, 'offer deadline check failed'),
      );
    }, ms);
    this.deadlines.set(offer.id, handle);
  }

  private disarm(offerId: string): void {
    const handle = this.deadlines.get(offerId);
    if (handle !== undefined) this.deps.scheduler.cancel(handle);
    this.deadlines.delete(offerId);
  }

  /** Wakes the offering when a declined ticket may go back to the agent who declined it. */
  private armCooldown(at: number): void {
    if (this.cooldownTimer !== null) this.deps.scheduler.cancel(this.cooldownTimer);
    this.cooldownTimer = null;
    if (!Number.isFinite(at) || this.stopped) return;
    this.cooldownTimer = this.deps.scheduler.schedule(
      () => {
        this.cooldownTimer = null;
        this.schedule();
      },
      Math.max(0, at - this.deps.clock().getTime()) + 20,
    );
  }

  /** Re-arms the deadlines in the table, expires the passed ones, and follows queue changes. */
  async start(): Promise<void> {
    const onChange = () => this.schedule();
    this.deps.bus.on('queue-changed', onChange);
    this.unsubscribe.push(() => this.deps.bus.off('queue-changed', onChange));
    for (const o of await openOffers(this.deps.db)) this.arm(o);
    await this.expireDue();
  }

  /** Stops timers and listeners. */
  stop(): void {
    this.stopped = true;
    for (const off of this.unsubscribe.splice(0)) off();
    for (const id of [...this.deadlines.keys()]) this.disarm(id);
    if (this.cooldownTimer !== null) this.deps.scheduler.cancel(this.cooldownTimer);
    this.cooldownTimer = null;
  }
}
