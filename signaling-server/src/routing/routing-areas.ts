/**
 * The routing areas of issue 11 composed: agents' statuses, centres, offers, transfers, appointments
 * and supervision. server.ts builds one and spreads its handlers and routes.
 */
import type { HttpRoutes } from '@rvw/shared';
import { AgentStatusArea } from '../agents/status-area';
import { AppointmentArea } from '../appointments/appointment-area';
import { CentreArea } from '../centres/centre-area';
import type { RouteHandlers } from '../http/route-registrar';
import { OfferArea } from '../queue/offer-area';
import type { TicketDesk } from '../queue/ticket-desk';
import type { EventHandlers } from '../socket/dispatch';
import type { RvwSocket } from '../socket/types';
import { SupervisionArea } from '../supervision/supervision-area';
import { TransferArea } from '../transfers/transfer-area';
import type { RoutingDeps } from './routing-deps';

export class RoutingAreas {
  readonly statuses: AgentStatusArea;
  readonly centres: CentreArea;
  readonly offers: OfferArea;
  readonly transfers: TransferArea;
  readonly appointments: AppointmentArea;
  readonly supervision: SupervisionArea;

  /** `desk` is the queue's accept path, which an offer taken goes through too. */
  constructor(
    readonly deps: RoutingDeps,
    desk: TicketDesk,
  ) {
    this.statuses = new AgentStatusArea(deps);
    this.centres = new CentreArea(deps, () => this.statuses.rearm());
    this.offers = new OfferArea(deps, { statuses: this.statuses, desk });
    this.transfers = new TransferArea(deps);
    this.appointments = new AppointmentArea(deps);
    this.supervision = new SupervisionArea(deps);
  }

  private get all() {
    return [this.statuses, this.centres, this.offers, this.transfers, this.appointments, this.supervision];
  }

  get handlers() {
    return {
      ...this.statuses.handlers,
      ...this.centres.handlers,
      ...this.offers.handlers,
      ...this.transfers.handlers,
      ...this.appointments.handlers,
      ...this.supervision.handlers,
    } satisfies Partial<EventHandlers>;
  }

  routes() {
    return {
      ...this.statuses.routes(),
      ...this.centres.routes(),
      ...this.offers.routes(),
      ...this.transfers.routes(),
      ...this.appointments.routes(),
      ...this.supervision.routes(),
    } satisfies Partial<RouteHandlers<HttpRoutes>>;
  }

  /** An agent's console connected (after its agent:state): its status, and its open offer again. */
  async connected(socket: RvwSocket): Promise<void> {
    await this.statuses.connected(socket);
    await this.offers.connected(socket);
  }

  /** A console of this agent went away (it may have others). */
  async left(agentId: string): Promise<void> {
    await this.statuses.left(agentId);
  }

  /**
   * Re-checks everything that changes by waiting alone (wrap-up limits, offer deadlines, routing
   * thresholds); the areas' timers call their part of it, tests that move the clock call it whole.
   */
  async recheck(): Promise<void> {
    await this.statuses.recheck();
    await this.offers.recheck();
    await this.deps.notifier.recheck();
  }

  async start(): Promise<void> {
    for (const a of this.all) await a.start();
  }

  stop(): void {
    for (const a of this.all) a.stop();
  }
}
