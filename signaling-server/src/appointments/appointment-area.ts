/** Appointments (云导办): slots per skill group, booking at the kiosk or by an agent, check-in at the kiosk. (issue 11; scaffold to be filled by its owner) */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';

export class AppointmentArea {
  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, never> = {};

  /** HTTP route handlers of this area. */
  routes(): Pick<
    RouteHandlers<HttpRoutes>,
    | 'listSlots'
    | 'createSlots'
    | 'bookAppointment'
    | 'myAppointments'
    | 'listAppointments'
    | 'kioskSlots'
    | 'kioskBook'
    | 'kioskCheckIn'
  > {
    return {
      listSlots: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      createSlots: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      bookAppointment: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      myAppointments: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      listAppointments: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      kioskSlots: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      kioskBook: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      kioskCheckIn: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
    };
  }

  /** Starts timers and listeners (after the database is ready). */
  async start(): Promise<void> {
    void this.deps;
  }

  /** Stops timers. */
  stop(): void {}
}
