/**
 * The one accept path (issue 11): a pull (`ticket:accept`, `ticket:accept-next`) and an offer taken
 * (`offer:accept`) both come here. It checks the ticket is routed to this agent (NOT_ELIGIBLE
 * otherwise) and that its centre pulls (WRONG_STATE in offer mode unless through an offer), opens
 * or hands over the session, tells both members, and tells the other areas ('session-opened').
 * The kiosk hears first (its path to the screen is the longer one), with the agent's prepared offer
 * when the accept carried one: the call's set-up starts before anything else is done.
 */
import {
  ErrorCode,
  QueueError,
  RequestError,
  type AppError,
  type CallOffer,
  type SessionOpened,
} from '@rvw/shared';
import { agentRouting } from '../agents/status-store';
import type { RoutingDeps } from '../routing/routing-deps';
import { getSession } from '../sessions/session-store';
import { memberRoom } from '../socket/types';
import type { RoutingPicture } from './routing-picture';
import { acceptTicket } from './ticket-store';

/** Refusals that mean another agent (or the resident) got there first: take-the-next tries the next one. */
const LOST_RACE: readonly string[] = [ErrorCode.TicketTaken, ErrorCode.TicketNotWaiting, ErrorCode.NotFound];

/** A pull accept of a ticket whose centre offers its tickets in turn. */
export function offerModeRefusal(): AppError {
  return new QueueError(
    ErrorCode.WrongState,
    "This ticket's centre offers its tickets to agents in turn: take it when it is offered to you.",
  );
}

/** What the desk needs: part of what every routing area gets, and the cases area's hook. */
export type TicketDeskDeps = Pick<
  RoutingDeps,
  'io' | 'db' | 'clock' | 'log' | 'notifier' | 'sessions' | 'presence' | 'absences' | 'bus'
> & {
  /** Tells both members of a new session the resident's entitlements (the cases area); default none. */
  sessionOpened?: (ticketId: string) => Promise<void>;
};

/** Accepts tickets for agents. */
export class TicketDesk {
  constructor(private readonly deps: TicketDeskDeps) {}

  /**
   * Accepts `ticketId` for the agent: through `offerId` when an offer is taken, else a pull.
   * `socketId` is the tab that runs the call; `offer` its prepared call offer, if any.
   */
  async accept(
    agentId: string,
    ticketId: string,
    socketId: string,
    opts: { offerId?: string; picture?: RoutingPicture; offer?: CallOffer } = {},
  ): Promise<SessionOpened> {
    const { db, clock, log, notifier } = this.deps;
    const p = opts.picture ?? (await notifier.picture());
    const agent = p.agent(agentId) ?? (await agentRouting(db, agentId));
    if (!agent) throw RequestError.notFound('The agent');
    const t = p.ticket(ticketId);
    // A ticket no longer waiting gets its TICKET_TAKEN / TICKET_NOT_WAITING (or CONFLICT for an
    // offer) from the store.
    if (t) {
      if (!opts.offerId && p.routingOf(t.centreId)?.mode === 'offer') throw offerModeRefusal();
      if (!p.serve(agent, t).ok) throw QueueError.notEligible();
      // A kiosk with no socket cannot answer the call: refuse before the ticket leaves the queue.
      if (!p.kiosksOnline.has(t.kioskId)) throw QueueError.kioskOffline();
    }
    const { session: row, reassigned } = await acceptTicket(db, {
      agentId,
      ticketId,
      now: clock(),
      agentCentreId: agent.centreId,
      ...(opts.offerId ? { offerId: opts.offerId } : {}),
    });
    const rec = await getSession(db, row.id);
    if (!rec) throw RequestError.internal();
    // The accepting tab runs the call; the agent's other tabs are told it is open elsewhere.
    this.deps.sessions.claim(rec.session.id, socketId);
    log.info(
      { ticketId, sessionId: rec.session.id, agentId: rec.agentId, reassigned, offerId: opts.offerId },
      'ticket accepted',
    );
    const kiosk = this.deps.io.to(memberRoom('kiosk', rec.kioskId));
    const relayed = opts.offer ? { offerRelayed: true } : {};
    kiosk.emit('session:opened', { ...(await this.deps.sessions.opened(rec, 'kiosk')), ...relayed });
    if (opts.offer) kiosk.emit('signal', { sessionId: rec.session.id, data: opts.offer });
    const forAgent: SessionOpened = { ...(await this.deps.sessions.opened(rec, 'agent')), ...relayed };
    this.deps.io.to(memberRoom('agent', rec.agentId)).emit('session:opened', forAgent);
    this.deps.bus.emit('session-opened', { sessionId: rec.session.id, agentId, ticketId });
    await notifier.pushTicket(ticketId, rec.kioskId);
    await notifier.queueChanged();
    await this.deps.sessionOpened?.(ticketId);
    // It may have gone between the check and the accept: then its grace period starts now.
    if (!(await this.deps.presence.isPresent('kiosk', rec.kioskId))) {
      await this.deps.absences.absent({ sessionId: rec.session.id, kind: 'kiosk' });
    }
    return forAgent;
  }

  /**
   * Takes the first ticket of the agent's own queue whose kiosk is online and whose centre pulls
   * (a ticket another agent wins meanwhile is skipped). QUEUE_EMPTY when there is none; WRONG_STATE
   * when the only ones are offered in turn by their centre.
   */
  async acceptNext(agentId: string, socketId: string, offer?: CallOffer): Promise<SessionOpened> {
    const p = await this.deps.notifier.picture();
    const agent = p.agent(agentId) ?? (await agentRouting(this.deps.db, agentId));
    if (!agent) throw RequestError.notFound('The agent');
    let offered = false;
    for (const t of p.queueOf(agent)) {
      if (!p.kiosksOnline.has(t.kioskId)) continue;
      if (p.routingOf(t.centreId)?.mode === 'offer') {
        offered = true;
        continue;
      }
      try {
        return await this.accept(agentId, t.ticketId, socketId, { picture: p, ...(offer ? { offer } : {}) });
      } catch (err) {
        // Another agent won this one (each accept is one atomic update): try the next in line.
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string' && LOST_RACE.includes(code)) continue;
        throw err;
      }
    }
    if (offered) throw offerModeRefusal();
    throw QueueError.queueEmpty();
  }
}
