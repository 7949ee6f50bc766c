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
import type { EventHandlers } from '../socket/dispatch';
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

  constructor(readonly deps: RoutingDeps) {
    this.statuses = new AgentStatusArea(deps);
    this.centres = new CentreArea(deps);
    this.offers = new OfferArea(deps);
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

  async start(): Promise<void> {
    for (const a of this.all) await a.start();
  }

  stop(): void {
    for (const a of this.all) a.stop();
  }
}
