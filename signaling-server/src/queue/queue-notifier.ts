/**
 * Queue pushes (issue 11): to each connected agent the queue of the tickets that agent may serve, in
 * priority order with tags and places; to each kiosk its ticket's place in its pool and the wait
 * estimate, sent only when it changed. Waiting alone crosses routing thresholds (any-skill,
 * overflow, overdue), so a timer wakes a re-check at the next one: queues update with no event.
 */
import type { QueueEntry, QueueSnapshot, TicketPosition, WaitEstimate } from '@rvw/shared';
import type { Logger } from 'pino';
import type { Clock, Scheduler } from '../clock';
import type { Db } from '../db/database';
import type { RoutingBus } from '../routing/routing-bus';
import type { Presence } from '../socket/presence';
import { memberRoom, type RvwServer } from '../socket/types';
import { estimateWait } from './estimate-rules';
import { HandlingHistory } from './handling-history';
import { loadPicture, type OrderedTicket, type RoutingPicture, type WaitingTicket } from './routing-picture';
import { getTicket, toTicket } from './ticket-store';

/** What the notifier needs; `bus`, `scheduler` and `log` are optional for tools that only read. */
export interface QueueNotifierDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  presence: Presence;
  /** Told 'queue-changed' after every push (offers and the supervisor's view follow it). */
  bus?: RoutingBus;
  /** Wakes the re-check at the next threshold; without one, only events push. */
  scheduler?: Scheduler;
  log?: Logger;
}

/** A threshold is crossed at its instant; the wake comes just after, so `waited >= limit` holds. */
const WAKE_MARGIN_MS = 50;
/** The longest a wake is put off (a backstop against a clock that jumped). */
const MAX_WAKE_MS = 60_000;

const NO_BASIS: WaitEstimate = { kind: 'none', reason: 'no-history' };

/** Pushes queue changes to agents and kiosks. */
export class QueueNotifier {
  /** Last TicketPosition sent to each waiting ticket's kiosk, to push only changes. */
  private readonly lastSent = new Map<string, string>();
  /** Last queue lines sent to each agent, for the timer's re-check (which pushes only changes). */
  private readonly lastQueue = new Map<string, string>();
  private timer: unknown = null;
  private stopped = false;

  constructor(private readonly deps: QueueNotifierDeps) {}

  /** The routing picture now. */
  picture(): Promise<RoutingPicture> {
    return loadPicture(this.deps.db, this.deps.presence, this.deps.clock());
  }

  /** The queue `agentId` sees now: the tickets they may serve, in order, each with its position. */
  async snapshotFor(agentId: string, picture?: RoutingPicture): Promise<QueueSnapshot> {
    const p = picture ?? (await this.picture());
    const agent = p.agent(agentId);
    const entries = agent ? p.queueOf(agent).map((t, i) => this.entry(p, t, i + 1)) : [];
    return { entries, serverTime: p.now.toISOString() };
  }

  private entry(p: RoutingPicture, t: OrderedTicket, position: number): QueueEntry {
    const kioskOnline = p.kiosksOnline.has(t.kioskId);
    return {
      ticketId: t.ticketId,
      position,
      number: t.number,
      kiosk: t.kiosk,
      createdAt: t.createdAt,
      ...(t.identity ? { identity: t.identity } : {}),
      identityIntent: t.identityIntent,
      kioskOnline,
      // The recorded time only means something while the kiosk is away.
      ...(!kioskOnline && t.kioskOfflineSince ? { kioskOfflineSince: t.kioskOfflineSince } : {}),
      need: t.need,
      tags: t.tags,
      place: t.place,
      // What the resident will meet at the kiosk (printer out of paper…), so the agent can say so.
      ...(t.kioskProblems?.length ? { kioskProblems: t.kioskProblems } : {}),
      // A call the system ended (kiosk, agent or media lost): the next agent reads why and whose.
      ...(t.returned ? { returned: t.returned } : {}),
    };
  }

  /** A kiosk's view of one of its tickets: its place in its pool and the estimate if waiting, else 0. */
  async position(ticketId: string, picture?: RoutingPicture): Promise<TicketPosition | null> {
    const p = picture ?? (await this.picture());
    const waiting = p.ticket(ticketId);
    if (waiting) {
      const history = await HandlingHistory.load(this.deps.db, p.now);
      const appointments = await this.appointments([waiting]);
      return this.positionIn(p, waiting, history, appointments);
    }
    const t = await getTicket(this.deps.db, ticketId);
    if (!t) return null;
    const appointments = t.row.appointment_id
      ? await this.appointmentsById([t.row.appointment_id])
      : new Map();
    const appointment = t.row.appointment_id ? appointments.get(t.row.appointment_id) : undefined;
    return {
      ticket: toTicket(t.row, t.hasIdentity),
      position: 0,
      waiting: p.tickets.length,
      estimate: NO_BASIS,
      ...(appointment ? { appointment } : {}),
    };
  }

  private positionIn(
    p: RoutingPicture,
    t: WaitingTicket,
    history: HandlingHistory,
    appointments: Map<string, TicketPosition['appointment']>,
  ): TicketPosition {
    const { position, servers } = p.placeOf(t);
    const appointment = t.appointmentId ? appointments.get(t.appointmentId) : undefined;
    return {
      ticket: {
        id: t.ticketId,
        number: t.number,
        kioskId: t.kioskId,
        status: 'waiting',
        createdAt: t.createdAt,
        hasIdentity: t.identity !== undefined,
        need: t.need,
        centreId: t.centreId,
      },
      position,
      waiting: p.tickets.length,
      estimate: estimateWait({
        ahead: position - 1,
        agentsOnline: servers.length,
        freeAgents: servers.filter((a) => p.free(a)).length,
        busy: p.busyOf(servers),
        recentHandlingS: history.samples(t.centreId, t.routeSkill ?? t.need),
        widened: p.widenedPlaceOf(t) ?? undefined,
      }),
      ...(appointment ? { appointment } : {}),
    };
  }

  private async appointments(tickets: readonly WaitingTicket[]) {
    const ids = tickets.flatMap((t) => (t.appointmentId ? [t.appointmentId] : []));
    return this.appointmentsById(ids);
  }

  private async appointmentsById(
    ids: readonly string[],
  ): Promise<Map<string, TicketPosition['appointment']>> {
    if (ids.length === 0) return new Map();
    const rows = await this.deps.db
      .selectFrom('appointments as a')
      .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
      .select(['a.id', 's.item_code', 's.starts_at', 's.ends_at'])
      .where('a.id', 'in', [...ids])
      .execute();
    return new Map(
      rows.map((r) => [r.id, { itemCode: r.item_code, startsAt: r.starts_at, endsAt: r.ends_at }]),
    );
  }

  /** Sends a kiosk the current view of one of its tickets. */
  async pushTicket(ticketId: string, kioskId: string): Promise<TicketPosition | null> {
    const pos = await this.position(ticketId);
    if (pos) {
      this.lastSent.set(ticketId, JSON.stringify(pos));
      this.deps.io.to(memberRoom('kiosk', kioskId)).emit('ticket:update', pos);
      if (pos.ticket.status !== 'waiting') this.lastSent.delete(ticketId);
    }
    return pos;
  }

  /** The queue changed: every agent gets their queue, the kiosks whose view moved theirs. */
  async queueChanged(): Promise<void> {
    await this.push(true);
  }

  /** The timer's re-check: pushes only what changed by waiting alone. */
  async recheck(): Promise<void> {
    await this.push(false);
  }

  /** Stops the re-check timer (shutdown). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.scheduler?.cancel(this.timer);
    this.timer = null;
  }

  private async push(always: boolean): Promise<void> {
    const p = await this.picture();
    let changed = always;
    for (const agent of p.online) {
      const snapshot = await this.snapshotFor(agent.agentId, p);
      const key = JSON.stringify(snapshot.entries);
      if (!always && this.lastQueue.get(agent.agentId) === key) continue;
      changed = true;
      this.lastQueue.set(agent.agentId, key);
      this.deps.io.to(memberRoom('agent', agent.agentId)).emit('queue:update', snapshot);
    }
    for (const id of this.lastQueue.keys()) if (!p.agent(id)) this.lastQueue.delete(id);

    const history = await HandlingHistory.load(this.deps.db, p.now);
    const appointments = await this.appointments(p.tickets);
    const live = new Set<string>();
    for (const t of p.tickets) {
      live.add(t.ticketId);
      const pos = this.positionIn(p, t, history, appointments);
      const key = JSON.stringify(pos);
      if (this.lastSent.get(t.ticketId) === key) continue;
      this.lastSent.set(t.ticketId, key);
      this.deps.io.to(memberRoom('kiosk', t.kioskId)).emit('ticket:update', pos);
    }
    for (const id of this.lastSent.keys()) if (!live.has(id)) this.lastSent.delete(id);

    this.arm(p);
    if (changed) this.deps.bus?.emit('queue-changed');
  }

  /** Wakes the re-check when the next threshold is crossed. */
  private arm(p: RoutingPicture): void {
    const { scheduler } = this.deps;
    if (!scheduler || this.stopped) return;
    if (this.timer !== null) scheduler.cancel(this.timer);
    this.timer = null;
    const next = p.nextChange();
    if (!next) return;
    const ms = Math.min(MAX_WAKE_MS, Math.max(0, next.getTime() - p.now.getTime()) + WAKE_MARGIN_MS);
    this.timer = scheduler.schedule(() => {
      this.timer = null;
      void this.recheck().catch((err: unknown) => this.deps.log?.error({ err }, 'queue re-check failed'));
    }, ms);
  }
}
